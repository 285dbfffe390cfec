import "server-only";
import type pg from "pg";
import { getPool } from "../index";
import { isUuid } from "./executor";

const isoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/*
 * The board is read as JSON text built by Postgres: a 10,000-card board is several MiB, and turning rows
 * into objects only to serialise them again costs more than the query. The shapes are the ones `toProject`,
 * `toActivity` and `toCard` produce; a test holds them together.
 */

export type BoardHead = { project: string; activities: Array<{ id: string; json: string }> };
export type BoardSnapshot = { head: BoardHead; cards: string[] };

/** Connections that read columns at once: Postgres builds their JSON on other cores while Node waits. */
const PARALLEL_READERS = 3;

/**
 * The project (undefined unless it is the owner's), its columns, and each column's cards, all as of one
 * snapshot: a move committed during the read shows entirely or not at all. The first connection exports
 * its snapshot and up to two idle ones import it, so the columns are still read in parallel.
 */
export async function selectBoardSnapshot({
  projectId,
  ownerId,
}: {
  projectId: string;
  ownerId: string;
}): Promise<BoardSnapshot | undefined> {
  if (!isUuid(projectId)) return undefined;
  const pool = getPool();
  const leader = await pool.connect();
  const helpers: pg.PoolClient[] = [];
  try {
    const [, exported] = (await leader.query(
      "begin isolation level repeatable read read only; select pg_export_snapshot() as id",
    )) as unknown as [unknown, pg.QueryResult<{ id: string }>];
    const head = await selectBoardHead(leader, { projectId, ownerId });
    if (!head) return undefined;

    // Only connections idle right now: waiting for one while holding another could starve the pool.
    const canConnectAtOnce = () => pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10);
    while (helpers.length < Math.min(PARALLEL_READERS, head.activities.length) - 1 && canConnectAtOnce())
      helpers.push(await pool.connect());
    await Promise.all(
      helpers.map((helper) =>
        helper.query(`begin isolation level repeatable read read only; set transaction snapshot '${exported.rows[0]!.id}'`),
      ),
    );

    const cards = new Array<string>(head.activities.length);
    let next = 0;
    const read = async (client: pg.PoolClient) => {
      for (let index = next++; index < head.activities.length; index = next++)
        cards[index] = await selectCardsJson(client, head.activities[index]!.id);
    };
    await Promise.all([leader, ...helpers].map(read));
    return { head, cards };
  } finally {
    for (const client of [leader, ...helpers]) {
      await client.query("rollback").then(
        () => client.release(),
        (error: Error) => client.release(error),
      );
    }
  }
}

async function selectBoardHead(
  client: pg.PoolClient,
  { projectId, ownerId }: { projectId: string; ownerId: string },
): Promise<BoardHead | undefined> {
  const { rows } = await client.query<{ project: string; activity_id: string | null; activity: string | null }>(
    `select
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
    where p.id = $1 and p.owner_id = $2
    order by a.position`,
    [projectId, ownerId],
  );

  const first = rows[0];
  if (!first) return undefined;
  const activities = rows.flatMap((row) => (row.activity_id && row.activity ? [{ id: row.activity_id, json: row.activity }] : []));
  return { project: first.project, activities };
}

/** One column's cards, in board order, as a JSON array text. */
async function selectCardsJson(client: pg.PoolClient, activityId: string): Promise<string> {
  const { rows } = await client.query<{ cards: string }>(
    `select coalesce(json_agg(json_build_object(
      'id', c.id, 'activityId', c.activity_id, 'title', c.title, 'description', c.description,
      'generationParams', c.generation_params, 'position', c.position,
      'createdAt', ${isoTime("c.created_at")}, 'updatedAt', ${isoTime("c.updated_at")}
    ) order by c.position), '[]'::json)::text as cards
    from task_cards c
    where c.activity_id = $1`,
    [activityId],
  );
  return rows[0]?.cards ?? "[]";
}
