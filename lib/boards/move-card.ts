import "server-only";
import { selectMoveContext, updateCardPositionIfAdjacent } from "@/db/queries/card-moves";
import { AppError, notFound } from "@/lib/errors";
import type { MoveCardInput } from "@/lib/validations/board";
import { convertGenerationParams, type ParamsConversion } from "./convert-params";
import { type Card, toCard } from "./dto";
import { positionBetween } from "./position";

export type MoveCardOptions = { ownerId: string; cardId: string; input: MoveCardInput };

const STALE = "The column changed while you were moving; reload and try again";

/**
 * Moves a card into a column between two neighbours (null: top or bottom). Two round trips and one row
 * written, whatever the column length: read the card, the column and the neighbours; then write the new key
 * only if the neighbours are still adjacent. When two people drop into the same gap, the second gets 409
 * instead of both cards landing on one position.
 */
export async function moveCard(options: MoveCardOptions): Promise<Card> {
  return (await moveCardReporting(options)).card;
}

/**
 * The move, and how the card's parameters were converted when it moved into a column of another type
 * (its prompt kept, the rest reset to the new type's defaults), so that the mover can be told.
 */
export async function moveCardReporting({
  ownerId,
  cardId,
  input,
}: MoveCardOptions): Promise<{ card: Card; conversion: ParamsConversion | null }> {
  const { activityId, prevId, nextId } = input;
  if (prevId === cardId || nextId === cardId) throw new AppError("conflict", "A card cannot be its own neighbour");

  const context = await selectMoveContext({ ownerId, cardId, activityId, prevId, nextId });
  if (!context.cardProjectId) throw notFound("No such card");
  if (!context.targetProjectId) throw notFound("No such column");
  if (context.targetProjectId !== context.cardProjectId) throw new AppError("conflict", "Cards move only within their project");
  if ((prevId && !context.prev) || (nextId && !context.next)) throw notFound("No such neighbouring card");
  // A neighbour of the owner's in another column means a stale view (another user's is not found above).
  if (context.prev?.activityId !== undefined && context.prev.activityId !== activityId) throw new AppError("conflict", STALE);
  if (context.next?.activityId !== undefined && context.next.activityId !== activityId) throw new AppError("conflict", STALE);

  const prev = prevId && context.prev ? { id: prevId, position: context.prev.position } : null;
  const next = nextId && context.next ? { id: nextId, position: context.next.position } : null;
  const position = positionBetween(prev?.position ?? null, next?.position ?? null);

  const converted =
    context.cardTaskType && context.targetTaskType && context.cardTaskType !== context.targetTaskType
      ? convertGenerationParams({ from: context.cardTaskType, to: context.targetTaskType, params: context.cardParams ?? {} })
      : null;

  const row = await updateCardPositionIfAdjacent({ cardId, activityId, position, prev, next, generationParams: converted?.params });
  if (!row) throw new AppError("conflict", STALE);
  return { card: toCard(row), conversion: converted?.conversion ?? null };
}
