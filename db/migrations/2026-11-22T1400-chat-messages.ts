import { type Kysely, sql } from "kysely";

/** The audit log of every conversation with an agent (LangGraph's own checkpoints live in schema langgraph). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("chat_messages")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("card_id", "uuid", (c) => c.references("task_cards.id").onDelete("set null"))
    .addColumn("thread_id", "text", (c) => c.notNull())
    .addColumn("agent_type", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('user', 'assistant', 'system', 'tool')`))
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("metadata", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("chat_messages_thread_idx").on("chat_messages").columns(["thread_id", "created_at"]).execute();
}
