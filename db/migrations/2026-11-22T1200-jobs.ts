import { type Kysely, sql } from "kysely";

/**
 * Generation jobs, their event log (replayed to the board by id), their media, and the embedded job
 * engine's runs with memoised step results.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("generation_jobs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("card_id", "uuid", (c) => c.notNull().references("task_cards.id").onDelete("cascade"))
    .addColumn("project_id", "uuid", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued', 'processing', 'completed', 'failed', 'cancelled')`),
    )
    .addColumn("task_type", "text", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull())
    .addColumn("priority", "integer", (c) =>
      c
        .notNull()
        .defaultTo(2)
        .check(sql`priority between 1 and 3`),
    )
    .addColumn("progress", "real", (c) => c.notNull().defaultTo(0))
    .addColumn("current_step", "text")
    .addColumn("error_message", "text")
    .addColumn("retry_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_retries", "integer", (c) => c.notNull().defaultTo(3))
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("engine_run_id", "text")
    .addColumn("callback_url", "text")
    .addColumn("estimated_seconds", "real")
    .addColumn("metadata", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("started_at", "timestamptz")
    .addColumn("completed_at", "timestamptz")
    .execute();
  await db.schema.createIndex("generation_jobs_card_idx").on("generation_jobs").columns(["card_id", "created_at desc"]).execute();
  await sql`create index generation_jobs_active_idx on generation_jobs (project_id, created_at) where status in ('queued', 'processing')`.execute(
    db,
  );

  await db.schema
    .createTable("job_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("job_id", "uuid", (c) => c.notNull().references("generation_jobs.id").onDelete("cascade"))
    .addColumn("project_id", "uuid", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('status', 'progress', 'step', 'log', 'result')`))
    .addColumn("payload", "jsonb", (c) => c.notNull())
    /** Makes a step's event idempotent: a step that runs again after a crash does not log twice. */
    .addColumn("dedupe_key", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("job_events_project_idx").on("job_events").columns(["project_id", "id"]).execute();
  await sql`create unique index job_events_dedupe_idx on job_events (job_id, dedupe_key) where dedupe_key is not null`.execute(db);

  await db.schema
    .createTable("media")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("job_id", "uuid", (c) => c.notNull().references("generation_jobs.id").onDelete("cascade"))
    .addColumn("project_id", "uuid", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("file_size", "bigint", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("duration", "real")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("generation_metadata", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("media_job_position_key", ["job_id", "position"])
    .execute();

  await db.schema
    .createTable("engine_runs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("function_id", "text", (c) => c.notNull())
    .addColumn("event", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued', 'completed', 'failed', 'cancelled')`),
    )
    .addColumn("attempt", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("steps", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("stack", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("pending", "jsonb")
    .addColumn("is_parallel", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("priority_seconds", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("due_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "timestamptz")
    .addColumn("output", "jsonb")
    .addColumn("error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .execute();
  await sql`create index engine_runs_due_idx on engine_runs (due_at) where status = 'queued'`.execute(db);
  await sql`create index engine_runs_leased_idx on engine_runs (function_id) where status = 'queued' and lease_until is not null`.execute(
    db,
  );
}
