import "server-only";
import { sql } from "kysely";
import { getDb } from "../index";

/**
 * Takes the thread's lease for `holder` unless another holder's lease is still running; true when taken.
 * A lease (not a session lock) so that a turn waiting on a slow model holds no database connection, and a
 * crashed process's turn frees the thread when its lease runs out.
 */
export async function acquireThreadLock({
  threadId,
  holder,
  leaseMs,
}: {
  threadId: string;
  holder: string;
  leaseMs: number;
}): Promise<boolean> {
  const { rows } = await sql<{ holder: string }>`
    insert into agent_thread_locks (thread_id, holder, expires_at)
    values (${threadId}, ${holder}, now() + ${leaseMs} * interval '1 millisecond')
    on conflict (thread_id) do update set holder = excluded.holder, expires_at = excluded.expires_at
    where agent_thread_locks.expires_at < now()
    returning holder
  `.execute(getDb());
  return rows.length === 1;
}

export async function renewThreadLock({ threadId, holder, leaseMs }: { threadId: string; holder: string; leaseMs: number }): Promise<void> {
  await sql`
    update agent_thread_locks set expires_at = now() + ${leaseMs} * interval '1 millisecond'
    where thread_id = ${threadId} and holder = ${holder}
  `.execute(getDb());
}

export async function releaseThreadLock({ threadId, holder }: { threadId: string; holder: string }): Promise<void> {
  await getDb().deleteFrom("agent_thread_locks").where("thread_id", "=", threadId).where("holder", "=", holder).execute();
}
