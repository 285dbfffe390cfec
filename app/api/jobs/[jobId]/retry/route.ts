import { assertSameOrigin, authedRoute, json } from "@/lib/http/route";
import { retryJob } from "@/lib/jobs/jobs";

export const POST = authedRoute<{ jobId: string }>(async ({ request, params, user }) => {
  assertSameOrigin(request);
  return json({ job: await retryJob({ ownerId: user.id, jobId: params.jobId }) });
});
