import "server-only";
import { getDb } from "../index";
import type { ActivityRow, TaskType } from "../types";
import { type Executor, isUuid } from "./executor";

/** The activity if its project belongs to the owner; `lock` holds the row until the transaction ends. */
export async function findActivityForOwner(
  { activityId, ownerId, lock = false }: { activityId: string; ownerId: string; lock?: boolean },
  db: Executor = getDb(),
): Promise<ActivityRow | undefined> {
  if (!isUuid(activityId)) return undefined;
  let query = db
    .selectFrom("activities")
    .innerJoin("projects", "projects.id", "activities.project_id")
    .selectAll("activities")
    .where("activities.id", "=", activityId)
    .where("projects.owner_id", "=", ownerId);
  if (lock) query = query.forNoKeyUpdate(["activities"]);
  return query.executeTakeFirst();
}

export async function findActivitiesByIds({ projectId, ids }: { projectId: string; ids: string[] }, db: Executor): Promise<ActivityRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom("activities").selectAll().where("project_id", "=", projectId).where("id", "in", valid).execute();
}

export async function lastActivityPosition({ projectId }: { projectId: string }, db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom("activities")
    .select("position")
    .where("project_id", "=", projectId)
    .orderBy("position", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.position ?? null;
}

/** Whether another activity of the project sits strictly between two positions (null: open end). */
export async function hasActivityBetween(
  { projectId, excludeId, after, before }: { projectId: string; excludeId: string; after: string | null; before: string | null },
  db: Executor,
): Promise<boolean> {
  let query = db.selectFrom("activities").select("id").where("project_id", "=", projectId).where("id", "<>", excludeId);
  if (after !== null) query = query.where("position", ">", after);
  if (before !== null) query = query.where("position", "<", before);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export async function insertActivity(
  values: { projectId: string; title: string; description: string; taskType: TaskType; position: string },
  db: Executor,
): Promise<ActivityRow> {
  return db
    .insertInto("activities")
    .values({
      project_id: values.projectId,
      title: values.title,
      description: values.description,
      task_type: values.taskType,
      position: values.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateActivityRow(
  { activityId, values }: { activityId: string; values: { title?: string; description?: string; position?: string } },
  db: Executor = getDb(),
): Promise<ActivityRow> {
  return db
    .updateTable("activities")
    .set({ ...values, updated_at: new Date() })
    .where("id", "=", activityId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteActivityRow({ activityId }: { activityId: string }): Promise<void> {
  await getDb().deleteFrom("activities").where("id", "=", activityId).execute();
}
