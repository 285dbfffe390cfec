import "server-only";
import { sql } from "kysely";
import { type Channel, CHANNELS } from "../channels";
import { getDb } from "../index";

/** Tells every app process listening on the channel (payloads under 8000 bytes: send ids, not data). */
export async function notify(channel: Channel, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(getDb());
}

/** Wakes the job engine of every process: runs are due. */
export function wakeEngines(): Promise<void> {
  return notify(CHANNELS.engine, "wake");
}
