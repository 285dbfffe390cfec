import { describe, expect, it } from "vitest";
import * as cardMoveRoute from "@/app/api/cards/[cardId]/move/route";
import * as cardRoute from "@/app/api/cards/[cardId]/route";
import * as cardJobsRoute from "@/app/api/cards/[cardId]/jobs/route";
import { updateCard } from "@/lib/boards/cards";
import { createBoard, createUser } from "@/test/seed";
import { call } from "./route-call";

describe("moving a card into a column of another type", () => {
  it("converts its parameters: the prompt kept, the rest the new type's defaults, and says so", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image", "video"], 1);
    const [images, videos] = activities as [(typeof activities)[0], (typeof activities)[0]];
    const card = images.cards[0]!;
    await updateCard({
      ownerId: user.id,
      cardId: card.id,
      input: { generationParams: { prompt: "the lamp room at dusk", numImages: 4, resolution: "512x512" } },
    });

    const response = await call(
      cardMoveRoute.POST,
      { cardId: card.id },
      { user, body: { activityId: videos.id, prevId: null, nextId: videos.cards[0]!.id } },
    );
    expect(response.status).toBe(200);
    const moved = (await response.json()) as { card: { generationParams: Record<string, unknown> }; conversion: unknown };
    expect(moved.conversion).toEqual({ from: "image", to: "video", kept: ["prompt"] });
    expect(moved.card.generationParams).toEqual({
      model: "local-animatic",
      prompt: "the lamp room at dusk",
      durationSeconds: 5,
      fps: 24,
      resolution: "1280x720",
      referenceAssetId: null,
      narration: "",
    });

    // The card is valid for its new type: it reads back the same and can generate at once.
    const read = (await (await call(cardRoute.GET, { cardId: card.id }, { user })).json()) as { card: { generationParams: unknown } };
    expect(read.card.generationParams).toEqual(moved.card.generationParams);
    expect((await call(cardJobsRoute.POST, { cardId: card.id }, { user, body: {} })).status).toBe(202);

    // Within one type nothing is converted.
    const back = await call(
      cardMoveRoute.POST,
      { cardId: videos.cards[0]!.id },
      { user, body: { activityId: videos.id, prevId: null, nextId: card.id } },
    );
    expect(((await back.json()) as { conversion: unknown }).conversion).toBeNull();
  });
});
