import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { env } from "@/lib/env";
import type { Database } from "./types";

type Handles = { pool: pg.Pool; db: Kysely<Database> };

// One pool per process. Kept on globalThis so that dev-mode reloads and the several bundles Next builds
// share it instead of each opening its own.
const globalForDb = globalThis as typeof globalThis & { __reelboardDb?: Handles };

function connect(): Handles {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which starts embedded PostgreSQL.");
  }
  const pool = new pg.Pool({ connectionString: url, max: env.DATABASE_POOL_MAX });
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  // A connection lost mid-query fails that query, and pg also emits "error" on the client, which the pool
  // listens to only while the client is idle: unheard, it would crash the process during an outage.
  pool.on("connect", (client) => client.on("error", () => {}));
  return { pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
}

function handles(): Handles {
  return (globalForDb.__reelboardDb ??= connect());
}

export function getDb(): Kysely<Database> {
  return handles().db;
}

export function getPool(): pg.Pool {
  return handles().pool;
}

/** Ends the pool; the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const current = globalForDb.__reelboardDb;
  globalForDb.__reelboardDb = undefined;
  await current?.db.destroy();
}
