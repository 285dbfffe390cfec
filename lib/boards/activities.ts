import "server-only";
import { getDb } from "@/db";
import { deleteActivityRow, findActivityForOwner, insertActivity, lastActivityPosition, updateActivityRow } from "@/db/queries/activities";
import { findProjectForOwner } from "@/db/queries/projects";
import { notFound } from "@/lib/errors";
import type { CreateActivityInput, UpdateActivityInput } from "@/lib/validations/board";
import { type Activity, toActivity } from "./dto";
import { positionAfter } from "./position";

type Owner = { ownerId: string };

/** Adds a column at the right end of the board. */
export async function createActivity({
  ownerId,
  projectId,
  input,
}: Owner & { projectId: string; input: CreateActivityInput }): Promise<Activity> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      // Locking the project serialises appends, so two new columns never get the same key.
      const project = await findProjectForOwner({ projectId, ownerId, lock: true }, trx);
      if (!project) throw notFound("No such project");

      const position = positionAfter(await lastActivityPosition({ projectId }, trx));
      const row = await insertActivity(
        { projectId, title: input.title, description: input.description ?? "", taskType: input.taskType, position },
        trx,
      );
      return toActivity(row);
    });
}

export async function updateActivity({
  ownerId,
  activityId,
  input,
}: Owner & { activityId: string; input: UpdateActivityInput }): Promise<Activity> {
  const activity = await findActivityForOwner({ activityId, ownerId });
  if (!activity) throw notFound("No such column");
  return toActivity(await updateActivityRow({ activityId, values: input }));
}

/** Deletes the column and every card in it. */
export async function deleteActivity({ ownerId, activityId }: Owner & { activityId: string }): Promise<Activity> {
  const activity = await findActivityForOwner({ activityId, ownerId });
  if (!activity) throw notFound("No such column");
  await deleteActivityRow({ activityId });
  return toActivity(activity);
}
