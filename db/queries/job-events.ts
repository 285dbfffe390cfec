import "server-only";
import { sql } from "kysely";
import { CHANNELS } from "../channels";
import { getDb } from "../index";
import type { JobEventKind, JobEventRow } from "../types";
import type { Executor } from "./executor";

/**
 * Appends an event and notifies listeners with "<projectId>:<eventId>" (ids only: NOTIFY payloads are
 * capped at 8000 bytes). Appends to one project are serialised by an advisory lock held to commit, so a
 * project's event ids grow in commit order and a stream that resumes after the last id it sent misses
 * none. With a dedupe key, a second append of the same key is a no-op, so a step that runs again after a
 * crash does not log twice. Returns the new id, or undefined for a duplicate.
 */
export async function insertJobEvent(
  {
    jobId,
    projectId,
    kind,
    payload,
    dedupeKey,
  }: { jobId: string; projectId: string; kind: JobEventKind; payload: unknown; dedupeKey?: string },
  db: Executor = getDb(),
): Promise<string | undefined> {
  const append = async (trx: Executor) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${projectId}, 0))`.execute(trx);
    const { rows } = await sql<{ id: string }>`
      with inserted as (
        insert into job_events (job_id, project_id, kind, payload, dedupe_key)
        values (${jobId}, ${projectId}, ${kind}, ${JSON.stringify(payload)}, ${dedupeKey ?? null})
        on conflict (job_id, dedupe_key) where dedupe_key is not null do nothing
        returning id
      )
      select id, pg_notify(${CHANNELS.jobEvents}, ${projectId}::text || ':' || id) from inserted
    `.execute(trx);
    return rows[0]?.id;
  };
  return db.isTransaction ? append(db) : db.transaction().execute(append);
}

export async function listJobEventsAfter({
  projectId,
  afterId,
  limit = 500,
}: {
  projectId: string;
  afterId: string;
  limit?: number;
}): Promise<JobEventRow[]> {
  return getDb()
    .selectFrom("job_events")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function latestJobEventId({ projectId }: { projectId: string }): Promise<string> {
  const row = await getDb()
    .selectFrom("job_events")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  return row?.id ?? "0";
}
