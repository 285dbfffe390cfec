import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";
import { setRuntimeEnv } from "@/lib/env";

setRuntimeEnv("DATABASE_URL", await databaseOfThisFile(inject("databaseUrl")));
setRuntimeEnv("AUTH_SECRET", "integration-tests-secret-0123456789abcdef");
// Every test signs its users up from one address; the per-IP limit would refuse most of them.
setRuntimeEnv("AUTH_RATE_LIMIT", "false");
setRuntimeEnv("DATA_DIR", path.join(os.tmpdir(), `reelboard-int-data-${process.pid}`));
// Generation that takes a fraction of a second, reporting progress a few times on the way.
setRuntimeEnv("LOCAL_GENERATION_SECONDS", "0.4");
setRuntimeEnv("LOCAL_POLL_MS", "100");
setRuntimeEnv("ENGINE_RETRY_BASE_MS", "20");

afterAll(async () => {
  const { stopEmbeddedEngine } = await import("@/lib/jobs/engine/start");
  const { closeListener } = await import("@/lib/realtime/listener");
  await stopEmbeddedEngine();
  await closeListener();
  await closeDb();
});

/**
 * Each test file gets its own database, copied from the migrated one: files run in parallel, and each has
 * its own job engine, generation slots and settings, which must not pick up another file's runs.
 */
async function databaseOfThisFile(templateUrl: string): Promise<string> {
  const template = new URL(templateUrl);
  const name = `reelboard_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new URL(template);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`create database "${name}" template "${template.pathname.slice(1)}"`);
  } finally {
    await client.end();
  }
  const own = new URL(template);
  own.pathname = `/${name}`;
  return own.toString();
}
