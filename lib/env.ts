import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Values are read on access, because the launcher fills in the
 * embedded defaults (database URL, auth secret) after this module has been imported.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by Next.js; "phase-production-build" while `next build` loads modules to collect page data. */
  NEXT_PHASE: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Local asset storage; several app processes on one database must share it (or use S3). Default DATA_DIR/assets. */
  ASSETS_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  APP_URL: z.string().url().optional(),
  /** better-auth's per-IP limits on sign-in and sign-up; the end-to-end suite turns them off. */
  AUTH_RATE_LIMIT: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  /** Behind one reverse proxy: take the client address from its X-Forwarded-For (or X-Real-IP). Off: the socket's. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Largest JSON body the API accepts, in bytes. */
  MAX_JSON_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /** Cap on the embedded Postgres pool; external databases often want fewer. */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),

  /** Inngest Cloud: both keys. Self-hosted `inngest start`: INNGEST_BASE_URL. Dev server: INNGEST_DEV=1. */
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_BASE_URL: z.string().url().optional(),
  INNGEST_DEV: z.string().optional(),
  /** Generation jobs generating at once, across every app process on the database; the rest wait queued. */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** Embedded executor: how long a claimed run stays reserved without a heartbeat, in seconds. */
  ENGINE_LEASE_SECONDS: z.coerce.number().positive().default(15),
  /** Embedded executor: first retry delay in milliseconds; each further retry doubles it, ±25% jitter. */
  ENGINE_RETRY_BASE_MS: z.coerce.number().int().min(0).default(15_000),
  /** Asset storage: unset S3_BUCKET keeps assets on local disk under DATA_DIR/assets. */
  S3_BUCKET: z.string().min(1).optional(),
  /** For S3-compatible services (Cloudflare R2, MinIO); unset for AWS S3. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (bucket in the path): what MinIO and most self-hosted services want. */
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Remote generators. OpenAI or any OpenAI-compatible API (images, speech). */
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().default("https://api.openai.com/v1"),
  /** The agents' chat model on that API. */
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  /** Anthropic for the agents' chat model (used when set and no OpenAI key is). */
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_MODEL: z.string().min(1).default("claude-sonnet-4-5"),
  /** Replicate predictions (image, video, audio models). */
  REPLICATE_API_TOKEN: z.string().min(1).optional(),
  REPLICATE_BASE_URL: z.string().url().default("https://api.replicate.com/v1"),
  /** How long one request to a remote generator may take. */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Lets job webhooks call private and loopback addresses (tests, a receiver on the same network). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Key of the webhook signature; unset: derived from AUTH_SECRET. */
  WEBHOOK_SECRET: z.string().min(16).optional(),
  /** The local placeholder generator: how long one job takes, and how often it reports progress. */
  LOCAL_GENERATION_SECONDS: z.coerce.number().min(0).max(600).default(4),
  LOCAL_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
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

/** The folder of local asset storage. */
export function assetsPath(): string {
  return env.ASSETS_DIR ? path.resolve(env.ASSETS_DIR) : dataPath("assets");
}

/** For the launcher (the embedded defaults it started) and the tests; the app itself only reads. */
export function setRuntimeEnv(key: keyof Env, value: string): void {
  (process.env as Record<string, string>)[key] = value;
  cached = undefined;
}
