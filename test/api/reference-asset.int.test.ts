import { beforeAll, describe, expect, it } from "vitest";
import * as cardRoute from "@/app/api/cards/[cardId]/route";
import { approveMedia } from "@/lib/assets/assets";
import { updateCard } from "@/lib/boards/cards";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import { createJob, getJob } from "@/lib/jobs/jobs";
import { createBoard, createUser, type TestUser } from "@/test/seed";
import { call, errorOf } from "./route-call";

beforeAll(async () => {
  await startEmbeddedEngine();
});

async function approvedResult(user: TestUser, cardId: string, generationParams: Record<string, unknown>): Promise<string> {
  await updateCard({ ownerId: user.id, cardId, input: { generationParams } });
  const job = await createJob({ ownerId: user.id, cardId, input: {} });
  await expect.poll(async () => (await getJob({ ownerId: user.id, jobId: job.id })).status, { timeout: 15_000 }).toBe("completed");
  const mediaId = (await getJob({ ownerId: user.id, jobId: job.id })).media[0]!.id;
  return (await approveMedia({ ownerId: user.id, mediaId, input: {} })).asset.id;
}

describe("a video card's reference asset", () => {
  it("must be an approved image of the project: an audio asset or an unknown id is refused by field", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image", "audio", "video"], 1);
    const [image, audio, video] = activities.map((column) => column.cards[0]!) as unknown as [
      { id: string },
      { id: string },
      { id: string },
    ];
    const imageAsset = await approvedResult(user, image.id, { prompt: "a reference still", resolution: "64x64" });
    const audioAsset = await approvedResult(user, audio.id, { text: "a line" });

    const setReference = (referenceAssetId: string) =>
      call(
        cardRoute.PATCH,
        { cardId: video.id },
        { user, method: "PATCH", body: { generationParams: { prompt: "push in", referenceAssetId } } },
      );

    const wrongType = await setReference(audioAsset);
    expect(wrongType.status).toBe(422);
    expect((await errorOf(wrongType)).fields?.["generationParams.referenceAssetId"]?.[0]).toMatch(/audio, not an image/);
    const unknown = await setReference(crypto.randomUUID());
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).fields?.["generationParams.referenceAssetId"]?.[0]).toMatch(/No approved asset/);

    const accepted = await setReference(imageAsset);
    expect(accepted.status).toBe(200);
    expect(
      ((await accepted.json()) as { card: { generationParams: { referenceAssetId: string } } }).card.generationParams.referenceAssetId,
    ).toBe(imageAsset);
  });
});
