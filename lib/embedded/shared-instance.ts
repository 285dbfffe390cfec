import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import { keepFirstSetting } from "@/db/queries/instance-settings";

const STORE_MARKER = ".reelboard-store";

/**
 * The session secret for a database the app does not own (DATABASE_URL): every process on it must sign
 * cookies alike, so the first one's secret is kept in the database. A secret an earlier version kept in
 * DATA_DIR is carried over, so nobody is signed out by the upgrade.
 */
export async function sharedAuthSecret(db: Kysely<unknown>, { legacyFile }: { legacyFile: string }): Promise<string> {
  const legacy = await fs.readFile(legacyFile, "utf8").then(
    (text) => text.trim(),
    () => "",
  );
  return keepFirstSetting(db, { key: "auth_secret", value: legacy || randomBytes(32).toString("base64url") });
}

/**
 * With local storage, every process on one database must write to the same folder, or media written by
 * one answers 404 through another (runs move between processes at every durable sleep). The folder
 * carries an id in a marker file; the database keeps the id of the first folder used with it. A process
 * whose folder carries another id (or none, while the database knows one) refuses to start.
 */
export async function assertSharedAssetsFolder(db: Kysely<unknown>, { assetsDir }: { assetsDir: string }): Promise<void> {
  await fs.mkdir(assetsDir, { recursive: true });
  const marker = path.join(assetsDir, STORE_MARKER);
  const existing = await fs.readFile(marker, "utf8").then(
    (text) => text.trim(),
    () => "",
  );
  const local = existing || randomUUID();
  const kept = await keepFirstSetting(db, { key: "local_assets_store", value: local });
  if (kept !== local) {
    throw new Error(
      `This database keeps its assets in another folder than ${assetsDir} (store ${kept}; this folder is ${existing ? `store ${existing}` : "new"}). ` +
        "Several app processes on one database need one shared assets folder: set ASSETS_DIR to the folder the other processes use " +
        "(a shared mount), or store assets in S3 (S3_BUCKET). If this folder replaces the old one, copy the old folder here, " +
        `${STORE_MARKER} included.`,
    );
  }
  if (!existing) await fs.writeFile(marker, `${local}\n`);
}
