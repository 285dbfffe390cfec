import { moveActivity } from "@/lib/boards/move-activity";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { moveActivitySchema } from "@/lib/validations/board";

export const POST = authedRoute<{ activityId: string }>(async ({ request, params, user }) => {
  const input = await readJson(request, moveActivitySchema);
  return json({ activity: await moveActivity({ ownerId: user.id, activityId: params.activityId, input }) });
});
