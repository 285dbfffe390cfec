import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalDiskStorage } from "./local-disk";

const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true })));
});

async function writeFile(root: string, key: string, ageMs: number): Promise<string> {
  const file = path.join(root, key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, "partial");
  const at = new Date(Date.now() - ageMs);
  await fs.utimes(file, at, at);
  return file;
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

describe("local disk storage after a crash", () => {
  it("sweeps the temporary files of writes that died, once, keeping fresh ones and finished files", async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-sweep-"));
    roots.push(root);
    const stale = await writeFile(root, "projects/p1/image/j1/0.svg.4242.1700000000000.tmp", 10 * 60_000);
    const fresh = await writeFile(root, "projects/p1/image/j1/1.svg.4343.1700000000001.tmp", 0);
    const finished = await writeFile(root, "projects/p1/image/j1/0.svg", 10 * 60_000);

    const removed = await createLocalDiskStorage(root).swept;
    expect(await exists(stale)).toBe(false);
    expect(await exists(fresh)).toBe(true); // another process may be about to rename it
    expect(await exists(finished)).toBe(true);
    expect(removed).toBe(1);

    // The sweep runs when the process first opens the folder, not each time a driver is made.
    const later = await writeFile(root, "projects/p1/image/j2/0.svg.4444.1700000000002.tmp", 10 * 60_000);
    expect(await createLocalDiskStorage(root).swept).toBe(1);
    expect(await exists(later)).toBe(true);
  });

  it("starts on a folder that does not exist yet", async () => {
    const root = path.join(os.tmpdir(), `reelboard-sweep-missing-${crypto.randomUUID()}`);
    const storage = createLocalDiskStorage(root);
    expect(await storage.swept).toBe(0);
    await storage.put("projects/p1/text/j1/0.md", new TextEncoder().encode("# draft"), "text/markdown");
    roots.push(root);
    expect(await storage.stat("projects/p1/text/j1/0.md")).toEqual({ size: 7 });
  });
});
