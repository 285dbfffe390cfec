import { type Kysely, sql } from "kysely";

/**
 * Project memory: approved results. An approved asset outlives the card it came from, so a job (and its
 * media) now outlives its card too: the card reference becomes nullable.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table generation_jobs alter column card_id drop not null`.execute(db);
  await sql`alter table generation_jobs drop constraint generation_jobs_card_id_fkey`.execute(db);
  await sql`alter table generation_jobs add constraint generation_jobs_card_id_fkey foreign key (card_id) references task_cards(id) on delete set null`.execute(
    db,
  );

  await db.schema
    .createTable("approved_assets")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("card_id", "uuid", (c) => c.references("task_cards.id").onDelete("set null"))
    .addColumn("job_id", "uuid", (c) => c.notNull().references("generation_jobs.id").onDelete("cascade"))
    .addColumn("media_id", "uuid", (c) => c.notNull().unique().references("media.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("prompt", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("asset_type", "text", (c) => c.notNull().check(sql`asset_type in ('image', 'video', 'text', 'audio')`))
    .addColumn("metadata", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("approved_assets_project_idx")
    .on("approved_assets")
    .columns(["project_id", "asset_type", "created_at"])
    .execute();
  await db.schema.createIndex("approved_assets_card_idx").on("approved_assets").column("card_id").execute();
}
