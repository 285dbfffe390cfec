import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Values are read on access, because the launcher fills in the
 * embedded defaults (database URL, auth secret) after this module has been imported.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  APP_URL: z.string().url().optional(),
  /** Largest JSON body the API accepts, in bytes. */
  MAX_JSON_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  /** Cap on the embedded Postgres pool; external databases often want fewer. */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export const env: Readonly<Env> = new Proxy({} as Env, {
  get: (_target, key: string) => (cached ??= readEnv())[key as keyof Env],
});

/** Absolute path of a file or folder inside DATA_DIR. */
export function dataPath(...parts: string[]): string {
  return path.resolve(env.DATA_DIR, ...parts);
}

/** Used only by the launcher to hand the embedded defaults it started to the app in this process. */
export function setRuntimeEnv(key: "DATABASE_URL" | "AUTH_SECRET" | "NODE_ENV", value: string): void {
  (process.env as Record<string, string>)[key] = value;
  cached = undefined;
}
