import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertStorageKey, type ObjectStorage } from "./types";

/** Assets as files under a root folder. Writes go to a temporary file first, so a crash never leaves half a file. */
export function createLocalDiskStorage(root: string): ObjectStorage {
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };

  return {
    kind: "local",
    label: `local disk (${root})`,

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
