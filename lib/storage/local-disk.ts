import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertStorageKey, type ObjectStorage } from "./types";

/** A temporary file this old was left by a writer that died (kill -9, power loss) mid-write. */
const STALE_TEMPORARY_MS = 60_000;
const TEMPORARY = /\.\d+\.\d+\.tmp$/;
const sweeps = new Map<string, Promise<number>>();

export type LocalDiskStorage = ObjectStorage & {
  /** The sweep of stale temporary files this process ran when it first opened the folder: how many went. */
  swept: Promise<number>;
};

/**
 * Assets as files under a root folder. Writes go to a temporary file first, so a crash never leaves half a
 * file; the temporary files a crash leaves are swept, once per process and folder, when the driver is made.
 */
export function createLocalDiskStorage(root: string): LocalDiskStorage {
  let swept = sweeps.get(root);
  if (!swept) {
    swept = sweepStaleTemporaryFiles(root);
    sweeps.set(root, swept);
  }

  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };

  return {
    kind: "local",
    label: `local disk (${root})`,
    swept,

    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(temporary, bytes);
      await fs.rename(temporary, file);
    },

    async stat(key) {
      const file = fileOf(key);
      try {
        return { size: (await fs.stat(file)).size };
      } catch {
        return undefined;
      }
    },

    async read(key, range) {
      return Readable.toWeb(createReadStream(fileOf(key), range)) as ReadableStream<Uint8Array>;
    },

    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}

/**
 * Removes the temporary files of writes that never finished. Only old ones: a process sharing the folder
 * may be writing one right now, and its rename must still find it. Never throws; a sweep that cannot run
 * leaves the files for the next start.
 */
async function sweepStaleTemporaryFiles(root: string): Promise<number> {
  let entries: string[];
  try {
    entries = await fs.readdir(root, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") console.warn(`[storage] could not sweep ${root}:`, error);
    return 0;
  }

  const cutoff = Date.now() - STALE_TEMPORARY_MS;
  let removed = 0;
  for (const entry of entries.filter((name) => TEMPORARY.test(name))) {
    const file = path.join(root, entry);
    try {
      const stats = await fs.stat(file);
      if (!stats.isFile() || stats.mtimeMs > cutoff) continue;
      await fs.rm(file, { force: true });
      removed++;
    } catch {
      // Gone already: its writer renamed it, or another process swept it.
    }
  }
  return removed;
}
