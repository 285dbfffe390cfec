import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server } from "@/test/s3-server";
import { createLocalDiskStorage } from "./local-disk";
import { createS3Storage } from "./s3";
import type { ObjectStorage } from "./types";

type Driver = { name: string; start: () => Promise<{ storage: ObjectStorage; stop: () => Promise<void> }> };

const drivers: Driver[] = [
  {
    name: "local disk",
    start: async () => {
      const root = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-disk-"));
      return { storage: createLocalDiskStorage(root), stop: () => fs.rm(root, { recursive: true, force: true }) };
    },
  },
  {
    name: "S3 (s3rver on loopback)",
    start: async () => {
      const server = await startS3Server("assets");
      const storage = createS3Storage({
        bucket: "assets",
        region: "us-east-1",
        endpoint: server.endpoint,
        forcePathStyle: true,
        credentials: server.credentials,
      });
      return { storage, stop: server.stop };
    },
  },
];

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** One conformance suite, run against every driver. */
describe.each(drivers)("object storage: $name", (driver) => {
  let storage: ObjectStorage;
  let stop: () => Promise<void>;
  const key = "projects/p1/image/j1/0.svg";

  beforeAll(async () => {
    ({ storage, stop } = await driver.start());
  });
  afterAll(async () => {
    await stop();
  });

  it("stores bytes under a key and reads them back whole and by range", async () => {
    await storage.put(key, new TextEncoder().encode("0123456789abcdef"), "image/svg+xml");
    expect(await storage.stat(key)).toEqual({ size: 16 });
    expect(await text(await storage.read(key))).toBe("0123456789abcdef");
    expect(await text(await storage.read(key, { start: 4, end: 9 }))).toBe("456789");
    expect(await text(await storage.read(key, { start: 15, end: 15 }))).toBe("f");
  });

  it("overwrites a key whole, so a step that runs again leaves one copy", async () => {
    await storage.put(key, new TextEncoder().encode("second"), "image/svg+xml");
    expect(await storage.stat(key)).toEqual({ size: 6 });
    expect(await text(await storage.read(key))).toBe("second");
  });

  it("keeps binary bytes intact", async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    await storage.put("projects/p1/audio/j2/0.wav", bytes, "audio/wav");
    const back = new Uint8Array(await new Response(await storage.read("projects/p1/audio/j2/0.wav")).arrayBuffer());
    expect(back).toEqual(bytes);
  });

  it("knows a missing key, and removes a key", async () => {
    expect(await storage.stat("projects/p1/image/none/0.svg")).toBeUndefined();
    await storage.remove(key);
    expect(await storage.stat(key)).toBeUndefined();
  });

  it("refuses keys that could leave their folder", async () => {
    await expect(storage.put("../escape.txt", new Uint8Array(1), "text/plain")).rejects.toThrow(/Not a valid storage key/);
    await expect(storage.put("projects//x", new Uint8Array(1), "text/plain")).rejects.toThrow(/Not a valid storage key/);
    await expect(storage.stat("/etc/passwd")).rejects.toThrow(/Not a valid storage key/);
  });
});
