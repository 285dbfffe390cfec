import { type Kysely, sql } from "kysely";

/**
 * Hardening (issue 8): a lease per agent thread so one turn runs at a time, one webhook delivery per
 * terminal state a job reaches, the process that last ran an engine run, indexes for the generation
 * slots, and settings every app process on one database shares (the generated auth secret, the local
 * assets store).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("agent_thread_locks")
    .addColumn("thread_id", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("webhook_deliveries").addColumn("terminal_key", "text").execute();
  await sql`update webhook_deliveries set terminal_key = (payload ->> 'event') || ':0'`.execute(db);
  await sql`alter table webhook_deliveries alter column terminal_key set not null`.execute(db);
  await sql`alter table webhook_deliveries drop constraint webhook_deliveries_job_id_key`.execute(db);
  await db.schema
    .createIndex("webhook_deliveries_job_terminal_idx")
    .on("webhook_deliveries")
    .columns(["job_id", "terminal_key"])
    .unique()
    .execute();

  await db.schema.alterTable("engine_runs").addColumn("ran_by", "text").execute();

  // How many times the job was handed to its provider: more than once only for a step re-run after a crash.
  await db.schema
    .alterTable("generation_jobs")
    .addColumn("provider_submissions", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // Generation slots: jobs generating now, and the waiting line in priority order.
  await sql`create index generation_jobs_processing_idx on generation_jobs (id) where status = 'processing'`.execute(db);
  await sql`create index generation_jobs_waiting_idx on generation_jobs (priority, created_at, id) where status = 'queued'`.execute(db);

  await db.schema
    .createTable("instance_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
