import "server-only";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A scratch folder for a tool run, removed afterwards whatever happens. */
export async function withWorkspace<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-gen-"));
  try {
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
