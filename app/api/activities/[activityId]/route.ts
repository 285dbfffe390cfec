import { deleteActivity, updateActivity } from "@/lib/boards/activities";
import { assertSameOrigin, authedRoute, json, readJson } from "@/lib/http/route";
import { updateActivitySchema } from "@/lib/validations/board";

type Params = { activityId: string };

export const PATCH = authedRoute<Params>(async ({ request, params, user }) => {
  const input = await readJson(request, updateActivitySchema);
  return json({ activity: await updateActivity({ ownerId: user.id, activityId: params.activityId, input }) });
});

export const DELETE = authedRoute<Params>(async ({ request, params, user }) => {
  assertSameOrigin(request);
  return json({ activity: await deleteActivity({ ownerId: user.id, activityId: params.activityId }) });
});
