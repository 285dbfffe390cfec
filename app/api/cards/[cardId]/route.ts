import { deleteCard, getCard, updateCard } from "@/lib/boards/cards";
import { assertSameOrigin, authedRoute, json, readJson } from "@/lib/http/route";
import { updateCardSchema } from "@/lib/validations/board";

type Params = { cardId: string };

export const GET = authedRoute<Params>(async ({ params, user }) => {
  return json({ card: await getCard({ ownerId: user.id, cardId: params.cardId }) });
});

export const PATCH = authedRoute<Params>(async ({ request, params, user }) => {
  const input = await readJson(request, updateCardSchema);
  return json({ card: await updateCard({ ownerId: user.id, cardId: params.cardId, input }) });
});

export const DELETE = authedRoute<Params>(async ({ request, params, user }) => {
  assertSameOrigin(request);
  return json({ card: await deleteCard({ ownerId: user.id, cardId: params.cardId }) });
});
