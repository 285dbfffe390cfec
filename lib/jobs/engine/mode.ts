import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export type EngineMode = { kind: "embedded"; signingKey: string } | { kind: "inngest"; description: string };

/**
 * Which engine runs the functions. Any Inngest setting means an Inngest server (Cloud, self-hosted or the
 * dev server) calls /api/inngest; with none, the embedded executor drives the same handler in-process.
 */
export function engineMode(): EngineMode {
  if (env.INNGEST_DEV)
    return { kind: "inngest", description: `Inngest dev server${env.INNGEST_BASE_URL ? ` at ${env.INNGEST_BASE_URL}` : ""}` };
  if (env.INNGEST_BASE_URL) return { kind: "inngest", description: `self-hosted Inngest at ${env.INNGEST_BASE_URL}` };
  if (env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY) return { kind: "inngest", description: "Inngest Cloud" };
  return { kind: "embedded", signingKey: embeddedSigningKey() };
}

/**
 * A signing key for this installation, derived from the auth secret: /api/inngest then refuses calls not
 * signed by this app's own executor, with nothing more to configure.
 */
function embeddedSigningKey(): string {
  // `next build` loads route modules without the runtime secret; that copy never serves a request.
  if (env.NEXT_PHASE === "phase-production-build") return `signkey-build-${randomBytes(32).toString("hex")}`;
  const secret = env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; start the app with `npm start`");
  return `signkey-prod-${createHmac("sha256", secret).update("reelboard embedded inngest signing key").digest("hex")}`;
}
