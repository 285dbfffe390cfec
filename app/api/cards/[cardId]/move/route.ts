import { moveCardReporting } from "@/lib/boards/move-card";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { moveCardSchema } from "@/lib/validations/board";

/** `{ card, conversion }`: conversion says how the parameters changed when the column's type did (else null). */
export const POST = authedRoute<{ cardId: string }>(async ({ request, params, user }) => {
  const input = await readJson(request, moveCardSchema);
  return json(await moveCardReporting({ ownerId: user.id, cardId: params.cardId, input }));
});
