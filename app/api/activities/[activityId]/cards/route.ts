import { createCard } from "@/lib/boards/cards";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { createCardSchema } from "@/lib/validations/board";

export const POST = authedRoute<{ activityId: string }>(async ({ request, params, user }) => {
  const input = await readJson(request, createCardSchema);
  return json({ card: await createCard({ ownerId: user.id, activityId: params.activityId, input }) }, 201);
});
