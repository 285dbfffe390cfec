import { authedRoute, json } from "@/lib/http/route";
import { listJobsOfProject } from "@/lib/jobs/jobs";

/** Not in DESIGN.md section 9: the queue panel and the cards' status chips need every active job at once. */
export const GET = authedRoute<{ projectId: string }>(async ({ params, user }) => {
  return json({ jobs: await listJobsOfProject({ ownerId: user.id, projectId: params.projectId }) });
});
