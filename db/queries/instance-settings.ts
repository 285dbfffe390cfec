// No "server-only" here: the launcher (scripts/start.ts) reads these settings before Next.js starts.
import { type Kysely, sql } from "kysely";

/**
 * Settings shared by every app process on one database. Keeps `value` unless the key already has one, and
 * returns what the database holds: the first process to start decides, the others follow.
 */
export async function keepFirstSetting(db: Kysely<unknown>, { key, value }: { key: string; value: string }): Promise<string> {
  const { rows } = await sql<{ value: string }>`
    with inserted as (
      insert into instance_settings (key, value) values (${key}, ${value})
      on conflict (key) do nothing
      returning value
    )
    select value from inserted
    union all
    select value from instance_settings where key = ${key}
    limit 1
  `.execute(db);
  return rows[0]!.value;
}
