import { authedRoute, json, readJson } from "@/lib/http/route";
import { getJob, updateJobPriority } from "@/lib/jobs/jobs";
import { updateJobSchema } from "@/lib/validations/job";

type Params = { jobId: string };

export const GET = authedRoute<Params>(async ({ params, user }) => {
  return json({ job: await getJob({ ownerId: user.id, jobId: params.jobId }) });
});

export const PATCH = authedRoute<Params>(async ({ request, params, user }) => {
  const input = await readJson(request, updateJobSchema);
  return json({ job: await updateJobPriority({ ownerId: user.id, jobId: params.jobId, input }) });
});
