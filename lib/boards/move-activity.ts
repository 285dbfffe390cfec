import "server-only";
import { getDb } from "@/db";
import { findActivitiesByIds, findActivityForOwner, hasActivityBetween, updateActivityRow } from "@/db/queries/activities";
import { findProjectForOwner } from "@/db/queries/projects";
import { AppError, notFound } from "@/lib/errors";
import type { MoveActivityInput } from "@/lib/validations/board";
import { type Activity, toActivity } from "./dto";
import { positionBetween } from "./position";

export type MoveActivityOptions = { ownerId: string; activityId: string; input: MoveActivityInput };

/**
 * Moves a column between two neighbours (null: an end of the board). Writes one row. The neighbours must
 * be adjacent now; if someone else moved columns in between, the move is refused with 409.
 */
export async function moveActivity({ ownerId, activityId, input }: MoveActivityOptions): Promise<Activity> {
  const { prevId, nextId } = input;
  if (prevId === activityId || nextId === activityId) throw new AppError("conflict", "A column cannot be its own neighbour");

  return getDb()
    .transaction()
    .execute(async (trx) => {
      const activity = await findActivityForOwner({ activityId, ownerId }, trx);
      if (!activity) throw notFound("No such column");
      await findProjectForOwner({ projectId: activity.project_id, ownerId, lock: true }, trx);

      const ids = [prevId, nextId].filter((id): id is string => id !== null);
      const neighbours = await findActivitiesByIds({ projectId: activity.project_id, ids }, trx);
      const prev = prevId === null ? null : neighbours.find((row) => row.id === prevId);
      const next = nextId === null ? null : neighbours.find((row) => row.id === nextId);
      if (prev === undefined || next === undefined) throw notFound("No such neighbouring column");

      const after = prev?.position ?? null;
      const before = next?.position ?? null;
      if (await hasActivityBetween({ projectId: activity.project_id, excludeId: activityId, after, before }, trx)) {
        throw new AppError("conflict", "The board changed while you were moving; reload and try again");
      }

      const position = positionBetween(after, before);
      return toActivity(await updateActivityRow({ activityId, values: { position } }, trx));
    });
}
