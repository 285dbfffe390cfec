import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { closeDb } from "@/db";
import { migrateToLatest } from "@/db/migrate";
import { insertRuns } from "@/db/queries/engine-runs";
import { startEmbeddedPostgres } from "@/lib/embedded/postgres";
import { setRuntimeEnv } from "@/lib/env";
import { Executor } from "@/lib/jobs/engine/executor";
import { toEngineFunction } from "@/lib/jobs/engine/function-config";
import { servePost } from "@/lib/jobs/engine/serve-post";
import { closeListener } from "@/lib/realtime/listener";

const SIGNING_KEY = `signkey-bench-${randomBytes(16).toString("hex")}`;

/**
 * The embedded executor on its own: a 3-step no-op function through the real serve() handler and
 * Postgres. Throughput with 8 runs in flight, and the cost of one step when runs go one at a time.
 */
export async function benchEngine(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-bench-engine-"));
  await fs.chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dir: path.join(dir, "postgres"), database: "reelboard_bench" });
  setRuntimeEnv("DATABASE_URL", database.url);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
  await migrateToLatest(db, () => {});

  try {
    for (const [label, slots, runs] of [
      ["8 runs in flight", 8, 400],
      ["one run at a time", 1, 100],
    ] as const) {
      const appId = `bench-${slots}`;
      const client = new Inngest({ id: appId, isDev: false, signingKey: SIGNING_KEY });
      const noop = client.createFunction({ id: "noop", triggers: [{ event: "bench/run" }] }, async ({ step }) => {
        const a = await step.run("one", () => 1);
        const b = await step.run("two", () => a + 1);
        return step.run("three", () => b + 1);
      });
      const fn = toEngineFunction(noop, appId);
      const executor = new Executor({
        functions: [fn],
        handler: servePost(serve({ client, functions: [noop] })),
        signingKey: SIGNING_KEY,
        slots,
        leaseMs: 30_000,
        retryBaseMs: 1000,
        log: () => {},
      });

      await insertRuns(
        Array.from({ length: runs }, (_, n) => ({
          functionId: fn.id,
          event: { name: "bench/run", data: { n }, id: `e${n}`, ts: Date.now() },
          prioritySeconds: 0,
        })),
      );
      const start = performance.now();
      await executor.start();
      for (;;) {
        const { rows } = await sql<{
          done: number;
        }>`select count(*)::int as done from engine_runs where function_id = ${fn.id} and status = 'completed'`.execute(db);
        if ((rows[0]?.done ?? 0) >= runs) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const seconds = (performance.now() - start) / 1000;
      await executor.stop();
      const perStep = slots === 1 ? `, ${((seconds * 1000) / (runs * 3)).toFixed(2)} ms per step (run time / 3 steps)` : "";
      console.log(`executor, 3-step no-op, ${label}: ${(runs / seconds).toFixed(1)} runs/s${perStep}`);
    }
  } finally {
    await db.destroy();
    await closeListener();
    await closeDb();
    await database.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
