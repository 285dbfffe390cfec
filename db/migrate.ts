import { type Kysely, Migrator } from "kysely";
import { migrations } from "./migrations";

/** Brings the schema to the latest migration; logs each step and throws on the first failure. */
export async function migrateToLatest(db: Kysely<unknown>, log: (line: string) => void = console.log): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();

  for (const result of results ?? []) {
    log(`migration ${result.migrationName}: ${result.status === "Success" ? "applied" : result.status.toLowerCase()}`);
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** LangGraph's checkpoint tables, in their own schema; PostgresSaver.setup() is idempotent. */
export async function setupCheckpointer(databaseUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const { PostgresSaver } = await import("@langchain/langgraph-checkpoint-postgres");
  const saver = PostgresSaver.fromConnString(databaseUrl, { schema: "langgraph" });
  try {
    await saver.setup();
    log("langgraph checkpoint schema: ready");
  } finally {
    await saver.end();
  }
}
