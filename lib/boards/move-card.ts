import "server-only";
import { getDb } from "@/db";
import { findActivityForOwner } from "@/db/queries/activities";
import { findCardForOwner, findCardsByIds, hasCardBetween, updateCardRow } from "@/db/queries/cards";
import { AppError, notFound } from "@/lib/errors";
import type { MoveCardInput } from "@/lib/validations/board";
import { type Card, toCard } from "./dto";
import { positionBetween } from "./position";

export type MoveCardOptions = { ownerId: string; cardId: string; input: MoveCardInput };

/**
 * Moves a card into a column between two neighbours (null: top or bottom). Writes one row whatever the
 * column length. The target column is locked for the move, and the neighbours must be adjacent at that
 * moment: when two people drop into the same gap, the second is refused with 409 instead of both cards
 * landing on one position.
 */
export async function moveCard({ ownerId, cardId, input }: MoveCardOptions): Promise<Card> {
  const { activityId, prevId, nextId } = input;
  if (prevId === cardId || nextId === cardId) throw new AppError("conflict", "A card cannot be its own neighbour");

  return getDb().transaction().execute(async (trx) => {
    const card = await findCardForOwner({ cardId, ownerId }, trx);
    if (!card) throw notFound("No such card");
    const target = await findActivityForOwner({ activityId, ownerId, lock: true }, trx);
    if (!target) throw notFound("No such column");
    if (target.project_id !== card.project_id) throw new AppError("conflict", "Cards move only within their project");

    const ids = [prevId, nextId].filter((id): id is string => id !== null);
    const neighbours = await findCardsByIds({ ids }, trx);
    const prev = prevId === null ? null : neighbours.find((row) => row.id === prevId);
    const next = nextId === null ? null : neighbours.find((row) => row.id === nextId);
    if (prev === undefined || next === undefined) throw notFound("No such neighbouring card");
    if ((prev && prev.activity_id !== activityId) || (next && next.activity_id !== activityId)) {
      // Also covers cards of other users' boards: they are never in the caller's (locked) column.
      throw new AppError("conflict", "The neighbouring cards are not in that column; reload and try again");
    }

    const after = prev?.position ?? null;
    const before = next?.position ?? null;
    if (await hasCardBetween({ activityId, excludeId: cardId, after, before }, trx)) {
      throw new AppError("conflict", "The column changed while you were moving; reload and try again");
    }

    const position = positionBetween(after, before);
    return toCard(await updateCardRow({ cardId, values: { activityId, position } }, trx));
  });
}
