import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateToLatest, setupCheckpointer } from "../db/migrate";
import { startEmbeddedPostgres } from "../lib/embedded/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A real, throwaway PostgreSQL for the integration tests: fresh cluster, migrated, removed afterwards. */
export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-int-"));
  await fs.chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dir: path.join(dir, "postgres"), database: "reelboard_test", isEphemeral: true });

  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.url, max: 1 }) }) });
  await migrateToLatest(db, () => {});
  await db.destroy();
  await setupCheckpointer(server.url, () => {});

  project.provide("databaseUrl", server.url);
  return async () => {
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}
