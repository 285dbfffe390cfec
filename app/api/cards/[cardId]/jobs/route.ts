import { authedRoute, json, readJson } from "@/lib/http/route";
import { createJob, listCardJobs } from "@/lib/jobs/jobs";
import { createJobSchema } from "@/lib/validations/job";

type Params = { cardId: string };

export const POST = authedRoute<Params>(async ({ request, params, user }) => {
  const input = await readJson(request, createJobSchema);
  return json({ job: await createJob({ ownerId: user.id, cardId: params.cardId, input }) }, 202);
});

export const GET = authedRoute<Params>(async ({ params, user }) => {
  return json({ jobs: await listCardJobs({ ownerId: user.id, cardId: params.cardId }) });
});
