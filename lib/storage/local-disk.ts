import "server-only";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { dataPath } from "@/lib/env";

/** Asset bytes on local disk under DATA_DIR/assets, by storage key. The S3 driver comes with the media work. */
function fileOf(key: string): string {
  const root = dataPath("assets");
  const file = path.resolve(root, key);
  if (!file.startsWith(`${root}${path.sep}`)) throw new Error(`Storage key escapes the asset folder: ${key}`);
  return file;
}

/** Writes atomically (temporary file, then rename), so a crash never leaves half a file under the key. */
export async function putObject(key: string, bytes: Uint8Array): Promise<void> {
  const file = fileOf(key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, bytes);
  await fs.rename(temporary, file);
}

export async function statObject(key: string): Promise<{ size: number } | undefined> {
  try {
    return { size: (await fs.stat(fileOf(key))).size };
  } catch {
    return undefined;
  }
}

/** A byte range of the object as a web stream (end inclusive). */
export function readObject(key: string, range?: { start: number; end: number }): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(fileOf(key), range)) as ReadableStream<Uint8Array>;
}
