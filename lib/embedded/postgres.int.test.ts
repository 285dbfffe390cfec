import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { assertTraversableByPostgres, startEmbeddedPostgres } from "./postgres";

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await fs.rm(folder, { recursive: true, force: true });
});

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the embedded PostgreSQL server", () => {
  it("is restarted when it dies, on the same address, and says so in the log", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-supervised-"));
    folders.push(folder);
    await fs.chmod(folder, 0o755);
    const dir = path.join(folder, "postgres");
    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dir, database: "supervised", isEphemeral: true, log: (line) => lines.push(line) });
    try {
      expect(await canQuery(server.url)).toBe(true);
      const pid = Number((await fs.readFile(path.join(dir, "postmaster.pid"), "utf8")).split("\n")[0]);

      process.kill(pid, "SIGKILL");

      await expect.poll(() => canQuery(server.url), { timeout: 30_000, interval: 200 }).toBe(true);
      expect(lines.join("\n")).toMatch(/stopped unexpectedly[\s\S]*restarted/);
      const newPid = Number((await fs.readFile(path.join(dir, "postmaster.pid"), "utf8")).split("\n")[0]);
      expect(newPid).not.toBe(pid);
    } finally {
      await server.stop();
    }
  });

  it("as root, refuses a data folder the postgres user cannot enter, naming it and the way out", async () => {
    const closed = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-closed-"));
    folders.push(closed);
    await fs.chmod(closed, 0o700);
    const dataDir = path.join(closed, "data");

    expect(() => assertTraversableByPostgres(dataDir, 0)).toThrow(
      new RegExp(`cannot enter ${closed}.*Set DATA_DIR to a folder outside it.*or set DATABASE_URL`),
    );
    // Not as root the server runs as the caller, who can enter its own folders.
    expect(() => assertTraversableByPostgres(dataDir, 1000)).not.toThrow();
    await fs.chmod(closed, 0o755);
    expect(() => assertTraversableByPostgres(dataDir, 0)).not.toThrow();
  });
});
