import "server-only";
import type { InngestFunction } from "inngest";
import { APP_ID } from "@/inngest/client";
import { inngestHandler } from "@/inngest/handler";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/shutdown";
import { Executor } from "./executor";
import { toEngineFunction } from "./function-config";
import { engineMode } from "./mode";
import { engineFunctions } from "./registry";
import { servePost } from "./serve-post";

const globalForEngine = globalThis as typeof globalThis & { __reelboardExecutor?: Executor };

/**
 * Starts the embedded executor in this process, once; a no-op when an Inngest server runs the functions.
 * Throws (and so stops the app) when a function uses an option the executor cannot honour.
 */
export async function startEmbeddedEngine({ functions }: { functions?: InngestFunction.Any[] } = {}): Promise<Executor | undefined> {
  const mode = engineMode();
  if (mode.kind !== "embedded" || globalForEngine.__reelboardExecutor) return globalForEngine.__reelboardExecutor;

  const executor = new Executor({
    // The app's own functions unless told otherwise (a test of the refusal).
    functions: functions ? functions.map((fn) => toEngineFunction(fn, APP_ID)) : engineFunctions(),
    handler: servePost(inngestHandler),
    signingKey: mode.signingKey,
    leaseMs: env.ENGINE_LEASE_SECONDS * 1000,
    retryBaseMs: env.ENGINE_RETRY_BASE_MS,
  });
  globalForEngine.__reelboardExecutor = executor;
  await executor.start();
  onShutdown("the job engine", stopEmbeddedEngine);
  return executor;
}

export async function stopEmbeddedEngine(): Promise<void> {
  const executor = globalForEngine.__reelboardExecutor;
  globalForEngine.__reelboardExecutor = undefined;
  await executor?.stop();
}
