import { createActivity } from "@/lib/boards/activities";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { createActivitySchema } from "@/lib/validations/board";

export const POST = authedRoute<{ projectId: string }>(async ({ request, params, user }) => {
  const input = await readJson(request, createActivitySchema);
  return json({ activity: await createActivity({ ownerId: user.id, projectId: params.projectId, input }) }, 201);
});
