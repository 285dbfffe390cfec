import "server-only";
import { sql } from "kysely";
import { getDb } from "../index";
import { isUuid } from "./executor";

const isoTime = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/*
 * The board is read as JSON text built by Postgres: a 10,000-card board is several MiB, and turning rows
 * into objects only to serialise them again costs more than the query. The shapes are the ones `toProject`,
 * `toActivity` and `toCard` produce; a test holds them together.
 */

export type BoardHead = { project: string; activities: Array<{ id: string; json: string }> };

/** The project and its columns (without cards) as JSON text; undefined unless the project is the owner's. */
export async function selectBoardHeadJson({ projectId, ownerId }: { projectId: string; ownerId: string }): Promise<BoardHead | undefined> {
  if (!isUuid(projectId)) return undefined;
  const { rows } = await sql<{ project: string; activity_id: string | null; activity: string | null }>`
    select
      json_build_object(
        'id', p.id, 'title', p.title, 'description', p.description, 'status', p.status, 'brief', p.brief,
        'createdAt', ${isoTime("p.created_at")}, 'updatedAt', ${isoTime("p.updated_at")}
      )::text as project,
      a.id as activity_id,
      json_build_object(
        'id', a.id, 'projectId', a.project_id, 'title', a.title, 'description', a.description,
        'taskType', a.task_type, 'position', a.position,
        'createdAt', ${isoTime("a.created_at")}, 'updatedAt', ${isoTime("a.updated_at")}
      )::text as activity
    from projects p
    left join activities a on a.project_id = p.id
    where p.id = ${projectId} and p.owner_id = ${ownerId}
    order by a.position
  `.execute(getDb());

  const first = rows[0];
  if (!first) return undefined;
  const activities = rows.flatMap((row) => (row.activity_id && row.activity ? [{ id: row.activity_id, json: row.activity }] : []));
  return { project: first.project, activities };
}

/** One column's cards, in board order, as a JSON array text. */
export async function selectCardsJson({ activityId }: { activityId: string }): Promise<string> {
  const { rows } = await sql<{ cards: string }>`
    select coalesce(json_agg(json_build_object(
      'id', c.id, 'activityId', c.activity_id, 'title', c.title, 'description', c.description,
      'generationParams', c.generation_params, 'position', c.position,
      'createdAt', ${isoTime("c.created_at")}, 'updatedAt', ${isoTime("c.updated_at")}
    ) order by c.position), '[]'::json)::text as cards
    from task_cards c
    where c.activity_id = ${activityId}
  `.execute(getDb());
  return rows[0]?.cards ?? "[]";
}
