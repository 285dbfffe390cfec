import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest, setupCheckpointer } from "@/db/migrate";
import { dataPath, env, setRuntimeEnv } from "@/lib/env";
import { engineMode } from "@/lib/jobs/engine/mode";
import { startEmbeddedPostgres } from "./postgres";

export type Runtime = {
  /** What runs on an embedded default, for the start banner: [part, description]. */
  defaults: Array<[string, string]>;
  stop: () => Promise<void>;
};

/**
 * Makes the process ready to serve: a database (embedded PostgreSQL unless DATABASE_URL is set), an auth
 * secret (generated once and kept in DATA_DIR unless AUTH_SECRET is set), and the schema migrated.
 */
export async function prepareRuntime({ log }: { log: (line: string) => void }): Promise<Runtime> {
  const defaults: Runtime["defaults"] = [];
  let stopDatabase = async () => {};

  if (!env.DATABASE_URL) {
    const server = await startEmbeddedPostgres({ dir: dataPath("postgres"), database: "reelboard", log });
    setRuntimeEnv("DATABASE_URL", server.url);
    stopDatabase = server.stop;
    defaults.push(["database", `embedded PostgreSQL in ${dataPath("postgres")} (set DATABASE_URL to use your own)`]);
  }

  if (!env.AUTH_SECRET) {
    setRuntimeEnv("AUTH_SECRET", await readOrCreateSecret(dataPath("auth-secret")));
    defaults.push(["auth secret", `generated, kept in ${dataPath("auth-secret")} (set AUTH_SECRET to choose one)`]);
  }

  if (!env.S3_BUCKET) defaults.push(["asset storage", `local disk, ${dataPath("assets")} (set S3_BUCKET to use S3, R2 or MinIO)`]);
  const mode = engineMode();
  if (mode.kind === "embedded") defaults.push(["job engine", "embedded executor in this process (set INNGEST_* to use an Inngest server)"]);
  if (!env.OPENAI_API_KEY && !env.REPLICATE_API_TOKEN) defaults.push(["generators", "local: SVG images, espeak-ng speech, ffmpeg animatics, offline writer (no AI keys set)"]);
  if (!env.OPENAI_API_KEY && !env.ANTHROPIC_API_KEY) defaults.push(["chat model", "offline assistant (set OPENAI_API_KEY or ANTHROPIC_API_KEY for a real model)"]);

  await migrate(log);
  return { defaults, stop: stopDatabase };
}

async function migrate(log: (line: string) => void): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 }) }) });
  try {
    await migrateToLatest(db, log);
  } finally {
    await db.destroy();
  }
  await setupCheckpointer(env.DATABASE_URL!, log);
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" }).catch(() => {});
    return (await fs.readFile(file, "utf8")).trim();
  }
}
