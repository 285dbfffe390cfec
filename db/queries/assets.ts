import "server-only";
import { getDb } from "../index";
import type { ApprovedAssetRow, MediaRow, TaskType } from "../types";
import { isUuid } from "./executor";

export type AssetWithSources = ApprovedAssetRow & { media: MediaRow; card_title: string | null };

/** Approves a media once: a second approval returns the existing asset. */
export async function insertAssetIfAbsent(values: {
  projectId: string;
  cardId: string | null;
  jobId: string;
  mediaId: string;
  title: string;
  description: string;
  prompt: string;
  assetType: TaskType;
}): Promise<{ asset: ApprovedAssetRow; isNew: boolean }> {
  const inserted = await getDb()
    .insertInto("approved_assets")
    .values({
      project_id: values.projectId,
      card_id: values.cardId,
      job_id: values.jobId,
      media_id: values.mediaId,
      title: values.title,
      description: values.description,
      prompt: values.prompt,
      asset_type: values.assetType,
      metadata: "{}",
    })
    .onConflict((conflict) => conflict.column("media_id").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { asset: inserted, isNew: true };
  const existing = await getDb().selectFrom("approved_assets").selectAll().where("media_id", "=", values.mediaId).executeTakeFirstOrThrow();
  return { asset: existing, isNew: false };
}

export async function findAssetForOwner({ assetId, ownerId }: { assetId: string; ownerId: string }): Promise<ApprovedAssetRow | undefined> {
  if (!isUuid(assetId)) return undefined;
  return getDb()
    .selectFrom("approved_assets")
    .innerJoin("projects", "projects.id", "approved_assets.project_id")
    .selectAll("approved_assets")
    .where("approved_assets.id", "=", assetId)
    .where("projects.owner_id", "=", ownerId)
    .executeTakeFirst();
}

export async function deleteAssetRow({ assetId }: { assetId: string }): Promise<void> {
  await getDb().deleteFrom("approved_assets").where("id", "=", assetId).execute();
}

/** A project's approved assets with their media and the title of the card they came from, newest first. */
export async function listAssetsOfProject({
  projectId,
  assetType,
}: {
  projectId: string;
  assetType?: TaskType;
}): Promise<AssetWithSources[]> {
  let query = getDb()
    .selectFrom("approved_assets")
    .innerJoin("media", "media.id", "approved_assets.media_id")
    .leftJoin("task_cards", "task_cards.id", "approved_assets.card_id")
    .selectAll("approved_assets")
    .select((eb) => [eb.fn.toJson("media").as("media"), "task_cards.title as card_title"])
    .where("approved_assets.project_id", "=", projectId)
    .orderBy("approved_assets.created_at", "desc");
  if (assetType) query = query.where("approved_assets.asset_type", "=", assetType);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, media: row.media as unknown as MediaRow }));
}

/** The media of an approved asset of the project (a video's reference image), if there is one. */
export async function findAssetMediaInProject({
  assetId,
  projectId,
}: {
  assetId: string;
  projectId: string;
}): Promise<MediaRow | undefined> {
  if (!isUuid(assetId)) return undefined;
  return getDb()
    .selectFrom("approved_assets")
    .innerJoin("media", "media.id", "approved_assets.media_id")
    .selectAll("media")
    .where("approved_assets.id", "=", assetId)
    .where("approved_assets.project_id", "=", projectId)
    .executeTakeFirst();
}
