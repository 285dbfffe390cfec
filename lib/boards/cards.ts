import "server-only";
import { getDb } from "@/db";
import { findActivityForOwner } from "@/db/queries/activities";
import { isUniqueViolation } from "@/db/queries/executor";
import { deleteCardRow, findCardForOwner, insertCard, lastCardPosition, updateCardRow } from "@/db/queries/cards";
import { notFound, parseOrThrow } from "@/lib/errors";
import { defaultModelFor } from "@/lib/providers";
import type { CreateCardInput, UpdateCardInput } from "@/lib/validations/board";
import { generationParamsSchemaFor } from "@/lib/validations/generation-params";
import { type Card, toCard } from "./dto";
import { positionAfter } from "./position";

type Owner = { ownerId: string };

/**
 * Adds a card at the bottom of a column; its parameters are checked by the column type's schema. Appends
 * lock the column so they never collide with each other; a move dropped into the bottom gap at the same
 * moment can take the same key, so a unique violation is retried.
 */
export async function createCard({ ownerId, activityId, input }: Owner & { activityId: string; input: CreateCardInput }): Promise<Card> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await appendCard({ ownerId, activityId, input });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === 3) throw error;
    }
  }
}

async function appendCard({ ownerId, activityId, input }: Owner & { activityId: string; input: CreateCardInput }): Promise<Card> {
  return getDb().transaction().execute(async (trx) => {
    const activity = await findActivityForOwner({ activityId, ownerId, lock: true }, trx);
    if (!activity) throw notFound("No such column");

    const model = defaultModelFor(activity.task_type);
    const given = input.generationParams ?? {};
    const withModel = model && given.model === undefined ? { ...given, model } : given;
    const generationParams = parseOrThrow(generationParamsSchemaFor(activity.task_type), withModel, "generationParams");
    const position = positionAfter(await lastCardPosition({ activityId }, trx));
    const row = await insertCard({ activityId, title: input.title, description: input.description ?? "", generationParams, position }, trx);
    return toCard(row);
  });
}

export async function getCard({ ownerId, cardId }: Owner & { cardId: string }): Promise<Card> {
  const card = await findCardForOwner({ cardId, ownerId });
  if (!card) throw notFound("No such card");
  return toCard(card);
}

/** Edits title, description or parameters; parameters are replaced whole and must pass the type's schema. */
export async function updateCard({ ownerId, cardId, input }: Owner & { cardId: string; input: UpdateCardInput }): Promise<Card> {
  const card = await findCardForOwner({ cardId, ownerId });
  if (!card) throw notFound("No such card");

  const generationParams =
    input.generationParams === undefined
      ? undefined
      : parseOrThrow(generationParamsSchemaFor(card.task_type), input.generationParams, "generationParams");
  const row = await updateCardRow({ cardId, values: { title: input.title, description: input.description, generationParams } });
  return toCard(row);
}

export async function deleteCard({ ownerId, cardId }: Owner & { cardId: string }): Promise<Card> {
  const card = await findCardForOwner({ cardId, ownerId });
  if (!card) throw notFound("No such card");
  await deleteCardRow({ cardId });
  return toCard(card);
}
