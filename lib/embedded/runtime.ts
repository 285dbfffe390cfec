import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest, setupCheckpointer } from "@/db/migrate";
import { assetsPath, dataPath, env, setRuntimeEnv } from "@/lib/env";
import { engineMode } from "@/lib/jobs/engine/mode";
import { startEmbeddedPostgres } from "./postgres";
import { assertSharedAssetsFolder, sharedAuthSecret } from "./shared-instance";

export type Runtime = {
  /** What runs on an embedded default, for the start banner: [part, description]. */
  defaults: Array<[string, string]>;
  stop: () => Promise<void>;
};

/**
 * Makes the process ready to serve: a database (embedded PostgreSQL unless DATABASE_URL is set), the
 * schema migrated, an auth secret (AUTH_SECRET; else generated once and kept in DATA_DIR for the embedded
 * database, or in the database itself when several processes may share it), and with local storage a
 * check that every process on the database writes to the same assets folder.
 */
export async function prepareRuntime({ log }: { log: (line: string) => void }): Promise<Runtime> {
  const defaults: Runtime["defaults"] = [];
  let stopDatabase = async () => {};
  const isOwnDatabase = !env.DATABASE_URL;

  if (isOwnDatabase) {
    const server = await startEmbeddedPostgres({ dir: dataPath("postgres"), database: "reelboard", log });
    setRuntimeEnv("DATABASE_URL", server.url);
    stopDatabase = server.stop;
    defaults.push(["database", `embedded PostgreSQL in ${dataPath("postgres")} (set DATABASE_URL to use your own)`]);
  } else {
    await fs.mkdir(dataPath(), { recursive: true });
  }

  try {
    await migrate(log);
    await withDatabase(async (db) => {
      if (!env.AUTH_SECRET) {
        if (isOwnDatabase) {
          setRuntimeEnv("AUTH_SECRET", await readOrCreateSecret(dataPath("auth-secret")));
          defaults.push(["auth secret", `generated, kept in ${dataPath("auth-secret")} (set AUTH_SECRET to choose one)`]);
        } else {
          setRuntimeEnv("AUTH_SECRET", await sharedAuthSecret(db, { legacyFile: dataPath("auth-secret") }));
          defaults.push([
            "auth secret",
            "generated, kept in the database so that every process on it shares it (set AUTH_SECRET to choose one)",
          ]);
        }
      }
      if (!env.S3_BUCKET) {
        await assertSharedAssetsFolder(db, { assetsDir: assetsPath() });
        defaults.push([
          "asset storage",
          `local disk, ${assetsPath()} (set S3_BUCKET to use S3, R2 or MinIO; several processes need S3 or one shared ASSETS_DIR)`,
        ]);
      }
    });
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const mode = engineMode();
  if (mode.kind === "embedded") defaults.push(["job engine", "embedded executor in this process (set INNGEST_* to use an Inngest server)"]);
  if (!env.OPENAI_API_KEY && !env.REPLICATE_API_TOKEN)
    defaults.push(["generators", "local: SVG images, espeak-ng speech, ffmpeg animatics, offline writer (no AI keys set)"]);
  if (!env.OPENAI_API_KEY && !env.ANTHROPIC_API_KEY)
    defaults.push(["chat model", "offline assistant (set OPENAI_API_KEY or ANTHROPIC_API_KEY for a real model)"]);

  return { defaults, stop: stopDatabase };
}

async function withDatabase<T>(work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 }) }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function migrate(log: (line: string) => void): Promise<void> {
  await withDatabase((db) => migrateToLatest(db, log));
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
