// `npm start` (and `npm run dev` with --dev): starts the embedded defaults, migrates, builds the app when
// the build is missing or older than the sources, and serves it. Ctrl-C stops the app and its database.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { closeDb } from "@/db";
import { stampClientIp } from "@/lib/auth/client-ip";
import { plainHttpWarning } from "@/lib/auth/secure-cookies";
import { ensureMediaTools } from "@/lib/embedded/media-tools";
import { prepareRuntime } from "@/lib/embedded/runtime";
import { env, setRuntimeEnv } from "@/lib/env";
import { runShutdownHooks } from "@/lib/shutdown";

const isDev = process.argv.includes("--dev");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (line: string) => console.log(`[reelboard] ${line}`);

setRuntimeEnv("NODE_ENV", isDev ? "development" : "production");

if (!isDev && isBuildStale()) {
  log("building the app (first run or changed sources)...");
  const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("[reelboard] the build failed; see above");
    process.exit(1);
  }
}

const missingMediaTools = ensureMediaTools(log);

let runtime: Awaited<ReturnType<typeof prepareRuntime>>;
try {
  runtime = await prepareRuntime({ log });
} catch (error) {
  console.error(`[reelboard] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const app = next({ dev: isDev, dir: root, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((request, response) => {
  stampClientIp(request.headers, request.socket.remoteAddress);
  void handle(request, response);
});

server.on("error", async (error) => {
  console.error(`[reelboard] cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
  await runtime.stop();
  process.exit(1);
});

server.listen(env.PORT, env.HOST, () => {
  const shownHost = ["127.0.0.1", "0.0.0.0", "::"].includes(env.HOST) ? "localhost" : env.HOST;
  const warning = plainHttpWarning({ host: env.HOST, appUrl: env.APP_URL });
  const lines = [
    `Reelboard is running at http://${shownHost}:${env.PORT} (${isDev ? "development" : "production"} mode)`,
    ...runtime.defaults.map(([part, description]) => `  embedded default - ${part}: ${description}`),
    ...(warning ? [`  warning - ${warning}`] : []),
    ...(missingMediaTools.length > 0
      ? [
          `  unavailable - local video and speech generators: install ${missingMediaTools.join(" and ")} (apt-get install -y ${missingMediaTools.join(" ")})`,
        ]
      : []),
    "Press Ctrl-C to stop.",
  ];
  console.log(`\n${lines.join("\n")}\n`);
});

let isStopping = false;
async function shutdown(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  log(`${signal}: stopping`);
  server.close();
  server.closeAllConnections();
  // The job engine finishes the steps in hand (10 s at most) and hands its runs back for another process.
  await runShutdownHooks(log);
  await closeDb();
  await runtime.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGHUP", () => void shutdown("SIGHUP"));

function isBuildStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "db",
    "inngest",
    "public",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.mjs",
    "package-lock.json",
    "tsconfig.json",
  ];
  return sources.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}
