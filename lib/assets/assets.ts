import "server-only";
import { type AssetWithSources, deleteAssetRow, findAssetForOwner, insertAssetIfAbsent, listAssetsOfProject } from "@/db/queries/assets";
import { findJob, findMediaForOwner } from "@/db/queries/jobs";
import { findProjectForOwner } from "@/db/queries/projects";
import type { ApprovedAssetRow, TaskType } from "@/db/types";
import { notFound } from "@/lib/errors";
import { type Media, toMedia } from "@/lib/jobs/dto";
import type { ApproveMediaInput } from "@/lib/validations/asset";
import { promptOf } from "@/lib/validations/generation-params";

/** An approved result in the project's memory, with where it came from. */
export type Asset = {
  id: string;
  projectId: string;
  cardId: string | null;
  cardTitle: string | null;
  jobId: string;
  mediaId: string;
  title: string;
  description: string;
  prompt: string;
  assetType: TaskType;
  createdAt: string;
  media: Media | null;
};

function toAsset(row: ApprovedAssetRow, sources?: Pick<AssetWithSources, "media" | "card_title">): Asset {
  return {
    id: row.id,
    projectId: row.project_id,
    cardId: row.card_id,
    cardTitle: sources?.card_title ?? null,
    jobId: row.job_id,
    mediaId: row.media_id,
    title: row.title,
    description: row.description,
    prompt: row.prompt,
    assetType: row.asset_type,
    createdAt: new Date(row.created_at).toISOString(),
    media: sources ? toMedia(sources.media) : null,
  };
}

/** Approves a result into the project's memory (the creator's act); approving it again changes nothing. */
export async function approveMedia({
  ownerId,
  mediaId,
  input,
}: {
  ownerId: string;
  mediaId: string;
  input: ApproveMediaInput;
}): Promise<{ asset: Asset; isNew: boolean }> {
  const media = await findMediaForOwner({ mediaId, ownerId });
  if (!media) throw notFound("No such media");
  const job = await findJob({ jobId: media.job_id });
  if (!job) throw notFound("No such media");

  const prompt = promptOf(job.params);
  const { asset, isNew } = await insertAssetIfAbsent({
    projectId: media.project_id,
    cardId: job.card_id,
    jobId: job.id,
    mediaId,
    title: input.title ?? (prompt.slice(0, 80) || `${media.media_type} result`),
    description: input.description ?? "",
    prompt,
    assetType: media.media_type,
  });
  return { asset: toAsset(asset, { media, card_title: null }), isNew };
}

export async function unapproveAsset({ ownerId, assetId }: { ownerId: string; assetId: string }): Promise<Asset> {
  const asset = await findAssetForOwner({ assetId, ownerId });
  if (!asset) throw notFound("No such asset");
  await deleteAssetRow({ assetId });
  return toAsset(asset);
}

export async function listAssets({
  ownerId,
  projectId,
  assetType,
}: {
  ownerId: string;
  projectId: string;
  assetType?: TaskType;
}): Promise<Asset[]> {
  if (!(await findProjectForOwner({ projectId, ownerId }))) throw notFound("No such project");
  return (await listAssetsOfProject({ projectId, assetType })).map((row) => toAsset(row, row));
}
