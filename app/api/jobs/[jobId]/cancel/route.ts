import { assertSameOrigin, authedRoute, json } from "@/lib/http/route";
import { cancelJob } from "@/lib/jobs/jobs";

export const POST = authedRoute<{ jobId: string }>(async ({ request, params, user }) => {
  assertSameOrigin(request);
  return json({ job: await cancelJob({ ownerId: user.id, jobId: params.jobId }) });
});
