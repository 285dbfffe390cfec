import { moveCard } from "@/lib/boards/move-card";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { moveCardSchema } from "@/lib/validations/board";

export const POST = authedRoute<{ cardId: string }>(async ({ request, params, user }) => {
  const input = await readJson(request, moveCardSchema);
  return json({ card: await moveCard({ ownerId: user.id, cardId: params.cardId, input }) });
});
