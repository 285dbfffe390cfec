import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assertSharedAssetsFolder, sharedAuthSecret } from "./shared-instance";

const db = () => getDb() as unknown as Kysely<unknown>;
const tempDir = async () => fs.mkdtemp(path.join(os.tmpdir(), "reelboard-instance-"));

describe("processes sharing one database", () => {
  it("share one generated session secret, whatever their data folders", async () => {
    const first = await sharedAuthSecret(db(), { legacyFile: path.join(await tempDir(), "auth-secret") });
    const second = await sharedAuthSecret(db(), { legacyFile: path.join(await tempDir(), "auth-secret") });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
  });

  it("must share one local assets folder: a second, private folder is refused with the way out", async () => {
    const shared = await tempDir();
    await assertSharedAssetsFolder(db(), { assetsDir: shared });
    await assertSharedAssetsFolder(db(), { assetsDir: shared });

    const privateFolder = path.join(await tempDir(), "assets");
    await expect(assertSharedAssetsFolder(db(), { assetsDir: privateFolder })).rejects.toThrow(/another folder.*ASSETS_DIR.*S3_BUCKET/s);

    await fs.copyFile(path.join(shared, ".reelboard-store"), path.join(privateFolder, ".reelboard-store"));
    await expect(assertSharedAssetsFolder(db(), { assetsDir: privateFolder })).resolves.toBeUndefined();
  });
});
