import "server-only";
import { getDb } from "../index";
import type { CardRow, TaskType } from "../types";
import type { GenerationParams } from "@/lib/validations/generation-params";
import { type Executor, isUuid } from "./executor";

export type OwnedCardRow = CardRow & { task_type: TaskType; project_id: string };

/** The card with its column's type and project, if that project belongs to the owner. */
export async function findCardForOwner(
  { cardId, ownerId }: { cardId: string; ownerId: string },
  db: Executor = getDb(),
): Promise<OwnedCardRow | undefined> {
  if (!isUuid(cardId)) return undefined;
  return db
    .selectFrom("task_cards")
    .innerJoin("activities", "activities.id", "task_cards.activity_id")
    .innerJoin("projects", "projects.id", "activities.project_id")
    .selectAll("task_cards")
    .select(["activities.task_type", "activities.project_id"])
    .where("task_cards.id", "=", cardId)
    .where("projects.owner_id", "=", ownerId)
    .executeTakeFirst();
}

export async function lastCardPosition({ activityId }: { activityId: string }, db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom("task_cards")
    .select("position")
    .where("activity_id", "=", activityId)
    .orderBy("position", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.position ?? null;
}

export async function insertCard(
  values: { activityId: string; title: string; description: string; generationParams: GenerationParams; position: string },
  db: Executor,
): Promise<CardRow> {
  return db
    .insertInto("task_cards")
    .values({
      activity_id: values.activityId,
      title: values.title,
      description: values.description,
      generation_params: JSON.stringify(values.generationParams),
      position: values.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCardRow(
  {
    cardId,
    values,
  }: {
    cardId: string;
    values: { title?: string; description?: string; generationParams?: GenerationParams; activityId?: string; position?: string };
  },
  db: Executor = getDb(),
): Promise<CardRow> {
  const { generationParams, activityId, ...rest } = values;
  return db
    .updateTable("task_cards")
    .set({
      ...rest,
      ...(generationParams && { generation_params: JSON.stringify(generationParams) }),
      ...(activityId && { activity_id: activityId }),
      updated_at: new Date(),
    })
    .where("id", "=", cardId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteCardRow({ cardId }: { cardId: string }): Promise<void> {
  await getDb().deleteFrom("task_cards").where("id", "=", cardId).execute();
}
