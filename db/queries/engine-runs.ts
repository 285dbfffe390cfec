import "server-only";
import { sql } from "kysely";
import { getDb } from "../index";
import type { EngineRunRow } from "../types";
import { wakeEngines } from "./notify";

/** Serialises claims across processes, so concurrency limits hold when several apps share the queue. */
const CLAIM_LOCK = 7_349_001;

export async function insertRuns(runs: Array<{ functionId: string; event: unknown; prioritySeconds: number }>): Promise<void> {
  if (runs.length === 0) return;
  await getDb()
    .insertInto("engine_runs")
    .values(
      runs.map((run) => ({
        function_id: run.functionId,
        event: JSON.stringify(run.event),
        priority_seconds: run.prioritySeconds,
        steps: "{}",
        stack: "[]",
        pending: null,
        output: null,
      })),
    )
    .execute();
}

/** Cancels the queued runs of a function whose triggering event has `field` equal to `value`. */
export async function cancelRunsMatching({
  functionId,
  field,
  value,
}: {
  functionId: string;
  field: string;
  value: unknown;
}): Promise<number> {
  const result = await sql`
    update engine_runs set status = 'cancelled', finished_at = now(), updated_at = now(), error = 'cancelled by event'
    where function_id = ${functionId} and status = 'queued' and event -> 'data' -> ${field} = ${JSON.stringify(value)}::jsonb
  `.execute(getDb());
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Claims the most urgent due run whose function has a free concurrency slot: urgency is the due time
 * moved earlier by the run's priority seconds. Runs locked by another claimer are skipped.
 */
export async function claimRun({
  owner,
  leaseMs,
  limits,
}: {
  owner: string;
  leaseMs: number;
  limits: Record<string, number | null>;
}): Promise<EngineRunRow | undefined> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`.execute(trx);
      const { rows: busy } = await sql<{ function_id: string; running: number }>`
      select function_id, count(*)::int as running from engine_runs
      where status = 'queued' and lease_until > now() group by function_id
    `.execute(trx);
      const running = new Map(busy.map((row) => [row.function_id, row.running]));
      const eligible = Object.entries(limits)
        .filter(([functionId, limit]) => limit === null || (running.get(functionId) ?? 0) < limit)
        .map(([functionId]) => functionId);
      if (eligible.length === 0) return undefined;

      const { rows } = await sql<EngineRunRow>`
      update engine_runs set lease_owner = ${owner}, ran_by = ${owner}, lease_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
      where id = (
        select id from engine_runs
        where status = 'queued' and due_at <= now() and (lease_until is null or lease_until < now())
          and function_id = any(${eligible})
        order by due_at - priority_seconds * interval '1 second', created_at
        limit 1
        for update skip locked
      )
      returning *
    `.execute(trx);
      return rows[0];
    });
}

/** Hands back every lease `owner` holds (a process stopping): the runs are due again at once. */
export async function releaseLeases({ owner }: { owner: string }): Promise<number> {
  const result = await sql`
    update engine_runs set lease_owner = null, lease_until = null, updated_at = now()
    where lease_owner = ${owner} and status = 'queued'
  `.execute(getDb());
  const released = Number(result.numAffectedRows ?? 0);
  if (released > 0) await wakeEngines();
  return released;
}

/** Extends the lease; false when another process has taken the run over (or it ended). */
export async function renewLease({ runId, owner, leaseMs }: { runId: string; owner: string; leaseMs: number }): Promise<boolean> {
  const result = await sql`
    update engine_runs set lease_until = now() + ${leaseMs} * interval '1 millisecond'
    where id = ${runId} and lease_owner = ${owner} and status = 'queued'
  `.execute(getDb());
  return Number(result.numAffectedRows ?? 0) === 1;
}

export type RunState = {
  steps: Record<string, unknown>;
  stack: string[];
  attempt: number;
  pending: Record<string, unknown> | null;
  isParallel: boolean;
};

function stateColumns(state: RunState) {
  return {
    steps: JSON.stringify(state.steps),
    stack: JSON.stringify(state.stack),
    attempt: state.attempt,
    pending: state.pending === null ? null : JSON.stringify(state.pending),
    is_parallel: state.isParallel,
    updated_at: new Date(),
  };
}

/** Saves the memo after a step, only while this process still holds the lease. */
export async function saveRunState({ runId, owner, state }: { runId: string; owner: string; state: RunState }): Promise<boolean> {
  const result = await getDb()
    .updateTable("engine_runs")
    .set(stateColumns(state))
    .where("id", "=", runId)
    .where("lease_owner", "=", owner)
    .where("status", "=", "queued")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Releases the run until `dueAt` (a sleep or a retry back-off), with its memo saved. */
export async function parkRun({
  runId,
  owner,
  state,
  dueAt,
}: {
  runId: string;
  owner: string;
  state: RunState;
  dueAt: Date;
}): Promise<void> {
  await getDb()
    .updateTable("engine_runs")
    .set({ ...stateColumns(state), due_at: dueAt, lease_owner: null, lease_until: null })
    .where("id", "=", runId)
    .where("lease_owner", "=", owner)
    .where("status", "=", "queued")
    .execute();
}

export async function finishRun({
  runId,
  owner,
  status,
  output,
  error,
}: {
  runId: string;
  owner: string;
  status: "completed" | "failed";
  output?: unknown;
  error?: string;
}): Promise<void> {
  await getDb()
    .updateTable("engine_runs")
    .set({
      status,
      output: output === undefined ? null : JSON.stringify(output),
      error: error ?? null,
      lease_owner: null,
      lease_until: null,
      finished_at: new Date(),
      updated_at: new Date(),
    })
    .where("id", "=", runId)
    .where("lease_owner", "=", owner)
    .where("status", "=", "queued")
    .execute();
}

export async function runStatus({ runId }: { runId: string }): Promise<EngineRunRow["status"] | undefined> {
  const row = await getDb().selectFrom("engine_runs").select("status").where("id", "=", runId).executeTakeFirst();
  return row?.status;
}

export async function setRunPriority({
  runIdsOfEvent,
  prioritySeconds,
}: {
  runIdsOfEvent: { field: string; value: string };
  prioritySeconds: number;
}): Promise<void> {
  await sql`
    update engine_runs set priority_seconds = ${prioritySeconds}, updated_at = now()
    where status = 'queued' and event -> 'data' ->> ${runIdsOfEvent.field} = ${runIdsOfEvent.value}
  `.execute(getDb());
}

/** When the next parked run falls due, so an idle executor can sleep until then. */
export async function nextDueAt(): Promise<Date | undefined> {
  const row = await getDb()
    .selectFrom("engine_runs")
    .select((eb) => eb.fn.min("due_at").as("due"))
    .where("status", "=", "queued")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", new Date())]))
    .executeTakeFirst();
  return row?.due ? new Date(row.due) : undefined;
}

/**
 * Brings forward the sleeping runs of queued generation jobs (waiting for a free slot), so that a slot
 * freed by one job is taken at once rather than at the waiter's next scheduled look.
 */
export async function wakeRunsOfQueuedJobs(): Promise<number> {
  const result = await sql`
    update engine_runs r set due_at = now(), updated_at = now()
    from generation_jobs j
    where r.status = 'queued' and r.lease_owner is null and r.due_at > now()
      and j.id::text = r.event -> 'data' ->> 'jobId' and j.status = 'queued'
  `.execute(getDb());
  const woken = Number(result.numAffectedRows ?? 0);
  if (woken > 0) await wakeEngines();
  return woken;
}
