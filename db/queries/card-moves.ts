import "server-only";
import { sql } from "kysely";
import { getDb } from "../index";
import type { CardRow, TaskType } from "../types";
import { isUniqueViolation, isUuid } from "./executor";

export type MoveContext = {
  /** The card's project, when the card is the owner's. */
  cardProjectId: string | null;
  /** The card's column type and parameters (a move to a column of another type converts them). */
  cardTaskType: TaskType | null;
  cardParams: Record<string, unknown> | null;
  /** The target column's project and type, when the column is the owner's. */
  targetProjectId: string | null;
  targetTaskType: TaskType | null;
  /** The neighbours, when they are the owner's cards. */
  prev: { activityId: string; position: string } | null;
  next: { activityId: string; position: string } | null;
};

/** Everything a card move checks, read in one round trip. */
export async function selectMoveContext(input: {
  ownerId: string;
  cardId: string;
  activityId: string;
  prevId: string | null;
  nextId: string | null;
}): Promise<MoveContext> {
  const ids = [input.cardId, input.activityId, input.prevId, input.nextId];
  if (!ids.every((id) => id === null || isUuid(id))) {
    return {
      cardProjectId: null,
      cardTaskType: null,
      cardParams: null,
      targetProjectId: null,
      targetTaskType: null,
      prev: null,
      next: null,
    };
  }

  const { rows } = await sql<{
    card_project: string | null;
    card_task_type: TaskType | null;
    card_params: Record<string, unknown> | null;
    target_project: string | null;
    target_task_type: TaskType | null;
    prev_activity: string | null;
    prev_position: string | null;
    next_activity: string | null;
    next_position: string | null;
  }>`
    select
      card.project_id as card_project, card.task_type as card_task_type, card.generation_params as card_params,
      target.project_id as target_project, target.task_type as target_task_type,
      prev.activity_id as prev_activity, prev.position as prev_position,
      next.activity_id as next_activity, next.position as next_position
    from (select 1) as one
    left join lateral (
      select a.project_id, a.task_type, c.generation_params from task_cards c join activities a on a.id = c.activity_id join projects p on p.id = a.project_id
      where c.id = ${input.cardId} and p.owner_id = ${input.ownerId}
    ) as card on true
    left join lateral (
      select a.project_id, a.task_type from activities a join projects p on p.id = a.project_id
      where a.id = ${input.activityId} and p.owner_id = ${input.ownerId}
    ) as target on true
    left join lateral (${ownersCard(input.prevId, input.ownerId)}) as prev on true
    left join lateral (${ownersCard(input.nextId, input.ownerId)}) as next on true
  `.execute(getDb());

  const row = rows[0]!;
  return {
    cardProjectId: row.card_project,
    cardTaskType: row.card_task_type,
    cardParams: row.card_params,
    targetProjectId: row.target_project,
    targetTaskType: row.target_task_type,
    prev: row.prev_activity && row.prev_position !== null ? { activityId: row.prev_activity, position: row.prev_position } : null,
    next: row.next_activity && row.next_position !== null ? { activityId: row.next_activity, position: row.next_position } : null,
  };
}

/** The card if it is the owner's: another user's card must look exactly like one that does not exist. */
function ownersCard(cardId: string | null, ownerId: string) {
  return sql`
    select c.activity_id, c.position from task_cards c join activities a on a.id = c.activity_id join projects p on p.id = a.project_id
    where c.id = ${cardId} and p.owner_id = ${ownerId}
  `;
}

type Neighbour = { id: string; position: string } | null;

/**
 * Puts the card at `position` in the column, only if its neighbours are still where the mover saw them
 * and still adjacent. One statement, one row written. Undefined when the column changed in between; two
 * moves into the same gap compute the same key, and the unique (activity_id, position) index refuses the
 * second, which is reported the same way.
 */
export async function updateCardPositionIfAdjacent(input: {
  cardId: string;
  activityId: string;
  position: string;
  prev: Neighbour;
  next: Neighbour;
  /** New parameters, for a move into a column of another type. */
  generationParams?: unknown;
}): Promise<CardRow | undefined> {
  const { cardId, activityId, position, prev, next, generationParams } = input;
  const prevStillThere = prev
    ? sql`exists (select 1 from task_cards where id = ${prev.id} and activity_id = ${activityId} and position = ${prev.position})`
    : sql`true`;
  const nextStillThere = next
    ? sql`exists (select 1 from task_cards where id = ${next.id} and activity_id = ${activityId} and position = ${next.position})`
    : sql`true`;
  const nothingBetween = sql`not exists (
    select 1 from task_cards
    where activity_id = ${activityId} and id <> ${cardId}
      ${prev ? sql`and position > ${prev.position}` : sql``}
      ${next ? sql`and position < ${next.position}` : sql``}
  )`;

  try {
    const { rows } = await sql<CardRow>`
      update task_cards set activity_id = ${activityId}, position = ${position}, updated_at = now()
        ${generationParams === undefined ? sql`` : sql`, generation_params = ${JSON.stringify(generationParams)}::jsonb`}
      where id = ${cardId} and ${prevStillThere} and ${nextStillThere} and ${nothingBetween}
      returning *
    `.execute(getDb());
    return rows[0];
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}
