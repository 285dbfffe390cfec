import "server-only";
import { getDb } from "@/db";
import { findActivityForOwner } from "@/db/queries/activities";
import { isUniqueViolation } from "@/db/queries/executor";
import { deleteCardRow, findCardForOwner, insertCard, lastCardPosition, updateCardRow } from "@/db/queries/cards";
import { findAssetMediaInProject } from "@/db/queries/assets";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { defaultModelFor } from "@/lib/providers";
import type { CreateCardInput, UpdateCardInput } from "@/lib/validations/board";
import { type GenerationParams, generationParamsSchemaFor } from "@/lib/validations/generation-params";
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
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const activity = await findActivityForOwner({ activityId, ownerId, lock: true }, trx);
      if (!activity) throw notFound("No such column");

      const model = defaultModelFor(activity.task_type);
      const given = input.generationParams ?? {};
      const withModel = model && given.model === undefined ? { ...given, model } : given;
      const generationParams = parseOrThrow(generationParamsSchemaFor(activity.task_type), withModel, "generationParams");
      await assertReferenceIsApprovedImage(generationParams, activity.project_id);
      const position = positionAfter(await lastCardPosition({ activityId }, trx));
      const row = await insertCard(
        { activityId, title: input.title, description: input.description ?? "", generationParams, position },
        trx,
      );
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
  if (generationParams) await assertReferenceIsApprovedImage(generationParams, card.project_id);
  const row = await updateCardRow({ cardId, values: { title: input.title, description: input.description, generationParams } });
  return toCard(row);
}

const REFERENCE_FIELD = "generationParams.referenceAssetId";

/** A video's reference must be an image approved into this project's memory, not any id typed in. */
async function assertReferenceIsApprovedImage(params: GenerationParams, projectId: string): Promise<void> {
  if (!("referenceAssetId" in params) || params.referenceAssetId === null) return;
  const media = await findAssetMediaInProject({ assetId: params.referenceAssetId, projectId });
  if (media?.media_type === "image") return;
  const message = media
    ? `That approved asset is ${media.media_type}, not an image: pick an approved image`
    : "No approved asset of this project has that id: pick an approved image";
  throw new AppError("validation_failed", message, { [REFERENCE_FIELD]: [message] });
}

export async function deleteCard({ ownerId, cardId }: Owner & { cardId: string }): Promise<Card> {
  const card = await findCardForOwner({ cardId, ownerId });
  if (!card) throw notFound("No such card");
  await deleteCardRow({ cardId });
  return toCard(card);
}
