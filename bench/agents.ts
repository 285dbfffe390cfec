import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { closeDb, getDb } from "@/db";
import { migrateToLatest, setupCheckpointer } from "@/db/migrate";
import { startEmbeddedPostgres } from "@/lib/embedded/postgres";
import { setRuntimeEnv } from "@/lib/env";
import { closeListener } from "@/lib/realtime/listener";
import { summary, timed } from "./stats";

/** One agent turn with the offline assistant (no model time): memory, graph, a tool call, checkpoint writes. */
export async function benchAgents(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-bench-agents-"));
  await fs.chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dir: path.join(dir, "postgres"), database: "reelboard_bench" });
  setRuntimeEnv("DATABASE_URL", database.url);
  setRuntimeEnv("AUTH_SECRET", "bench-secret-0123456789abcdef0123456789");
  const migrator = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
  await migrateToLatest(migrator, () => {});
  await migrator.destroy();
  await setupCheckpointer(database.url, () => {});

  // Loaded after the environment is set: the job client reads its signing key when it is created.
  const { sendChatMessage } = await import("@/lib/agents/chat");
  const { createActivity } = await import("@/lib/boards/activities");
  const { createCard } = await import("@/lib/boards/cards");
  const { createProject } = await import("@/lib/boards/projects");

  try {
    const user = await getDb()
      .insertInto("users")
      .values({ name: "Bench", email: "bench@example.com", image: null, created_at: new Date(), updated_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const project = await createProject({ ownerId: user.id, input: { title: "Agent bench" } });
    const column = await createActivity({ ownerId: user.id, projectId: project.id, input: { title: "Shots", taskType: "image" } });
    for (let n = 0; n < 20; n++) await createCard({ ownerId: user.id, activityId: column.id, input: { title: `Shot ${n}` } });

    const checkpointBytes = async () => {
      const { rows } = await sql<{ bytes: string }>`
        select (select coalesce(sum(pg_column_size(c.*)), 0) from langgraph.checkpoints c)
             + (select coalesce(sum(pg_column_size(b.*)), 0) from langgraph.checkpoint_blobs b)
             + (select coalesce(sum(pg_column_size(w.*)), 0) from langgraph.checkpoint_writes w) as bytes
      `.execute(getDb());
      return Number(rows[0]?.bytes ?? 0);
    };

    const times: number[] = [];
    const before = await checkpointBytes();
    const turns = 40;
    for (let i = 0; i < turns + 3; i++) {
      const [ms] = await timed(() => sendChatMessage({ ownerId: user.id, projectId: project.id, message: "show the board" }));
      if (i >= 3) times.push(ms);
    }
    const perTurn = ((await checkpointBytes()) - before) / (turns + 3);
    console.log(
      `agent turn, offline assistant (read_board tool + answer): ${summary(times)}; checkpoint bytes per turn ${Math.round(perTurn)}`,
    );
  } finally {
    await closeListener();
    await closeDb();
    await database.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
