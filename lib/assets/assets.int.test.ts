import { beforeAll, describe, expect, it } from "vitest";
import { deleteCard, updateCard } from "@/lib/boards/cards";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import { createJob, getJob } from "@/lib/jobs/jobs";
import type { Job } from "@/lib/jobs/dto";
import { createBoard, createUser, type TestUser } from "@/test/seed";
import { approveMedia, listAssets, unapproveAsset } from "./assets";

beforeAll(async () => {
  await startEmbeddedEngine();
});

async function finishedJob(user: TestUser): Promise<{ job: Job; projectId: string; cardId: string }> {
  const { project, activities } = await createBoard(user.id, ["image"], 1);
  const card = activities[0]!.cards[0]!;
  await updateCard({
    ownerId: user.id,
    cardId: card.id,
    input: { generationParams: { prompt: "keeper at the lamp", numImages: 2, resolution: "128x128" } },
  });
  const { id } = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
  for (;;) {
    const job = await getJob({ ownerId: user.id, jobId: id });
    if (job.status === "completed") return { job, projectId: project.id, cardId: card.id };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("approval and project memory", () => {
  it("approves a result once, lists it by type with its provenance, and un-approves it", async () => {
    const user = await createUser();
    const { job, projectId, cardId } = await finishedJob(user);
    const media = job.media[0]!;

    const first = await approveMedia({ ownerId: user.id, mediaId: media.id, input: {} });
    expect(first.isNew).toBe(true);
    expect(first.asset).toMatchObject({
      title: "keeper at the lamp",
      prompt: "keeper at the lamp",
      assetType: "image",
      cardId,
      jobId: job.id,
      mediaId: media.id,
    });
    const again = await approveMedia({ ownerId: user.id, mediaId: media.id, input: { title: "other" } });
    expect(again).toMatchObject({ isNew: false, asset: { id: first.asset.id, title: "keeper at the lamp" } });

    const images = await listAssets({ ownerId: user.id, projectId, assetType: "image" });
    expect(images.map((asset) => asset.id)).toEqual([first.asset.id]);
    expect(images[0]).toMatchObject({ cardTitle: "Column 1 card 1", media: { url: media.url, width: 128 } });
    expect(await listAssets({ ownerId: user.id, projectId, assetType: "audio" })).toEqual([]);

    await unapproveAsset({ ownerId: user.id, assetId: first.asset.id });
    expect(await listAssets({ ownerId: user.id, projectId })).toEqual([]);
  });

  it("keeps an approved asset in memory when its card is deleted", async () => {
    const user = await createUser();
    const { job, projectId, cardId } = await finishedJob(user);
    const { asset } = await approveMedia({ ownerId: user.id, mediaId: job.media[1]!.id, input: { title: "Final poster" } });

    await deleteCard({ ownerId: user.id, cardId });

    const memory = await listAssets({ ownerId: user.id, projectId });
    expect(memory).toMatchObject([{ id: asset.id, title: "Final poster", cardId: null, cardTitle: null, jobId: job.id }]);
  });

  it("keeps approval the owner's act: others get 404 and change nothing", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const { job, projectId } = await finishedJob(owner);
    const { asset } = await approveMedia({ ownerId: owner.id, mediaId: job.media[0]!.id, input: {} });

    await expect(approveMedia({ ownerId: stranger.id, mediaId: job.media[1]!.id, input: {} })).rejects.toMatchObject({ code: "not_found" });
    await expect(unapproveAsset({ ownerId: stranger.id, assetId: asset.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listAssets({ ownerId: stranger.id, projectId })).rejects.toMatchObject({ code: "not_found" });
    expect((await listAssets({ ownerId: owner.id, projectId })).map((item) => item.id)).toEqual([asset.id]);
  });
});
