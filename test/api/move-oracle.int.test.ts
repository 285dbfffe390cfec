import { describe, expect, it } from "vitest";
import * as activityMoveRoute from "@/app/api/activities/[activityId]/move/route";
import * as cardMoveRoute from "@/app/api/cards/[cardId]/move/route";
import * as boardRoute from "@/app/api/projects/[projectId]/board/route";
import { createBoard, createUser, type TestUser } from "@/test/seed";
import { call, errorOf } from "./route-call";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

async function boardOf(user: TestUser, projectId: string) {
  return (await call(boardRoute.GET, { projectId }, { user })).text();
}

/** Status and message of an answer: a foreign id must answer exactly as an unknown one. */
async function answer(response: Promise<Response>) {
  const settled = await response;
  return { status: settled.status, error: await errorOf(settled) };
}

describe("moves do not reveal what other users have", () => {
  it("answers a card move next to another user's card exactly as next to a card that does not exist", async () => {
    const [me, other] = [await createUser(), await createUser()];
    const mine = await createBoard(me.id, ["image"], 2);
    const theirs = await createBoard(other.id, ["image"], 2);
    const column = mine.activities[0]!;
    const [card, below] = column.cards;
    const foreign = theirs.activities[0]!.cards[1]!.id;
    const before = await boardOf(me, mine.project.id);

    const move = (prevId: string | null, nextId: string | null) =>
      answer(call(cardMoveRoute.POST, { cardId: card!.id }, { user: me, body: { activityId: column.id, prevId, nextId } }));
    const unknownAbove = await move(UNKNOWN, null);
    expect(unknownAbove).toMatchObject({ status: 404, error: { code: "not_found" } });
    expect(await move(foreign, null)).toEqual(unknownAbove);
    expect(await move(below!.id, UNKNOWN)).toEqual(await move(below!.id, foreign));

    expect(await boardOf(me, mine.project.id)).toBe(before);
  });

  it("answers a column move next to another project's column exactly as next to one that does not exist", async () => {
    const [me, other] = [await createUser(), await createUser()];
    const mine = await createBoard(me.id, ["image", "video"], 0);
    const myOtherProject = await createBoard(me.id, ["text"], 0);
    const theirs = await createBoard(other.id, ["audio"], 0);
    const [first, second] = mine.activities;
    const before = await boardOf(me, mine.project.id);

    const move = (prevId: string | null, nextId: string | null) =>
      answer(call(activityMoveRoute.POST, { activityId: first!.id }, { user: me, body: { prevId, nextId } }));
    const unknownAbove = await move(UNKNOWN, null);
    expect(unknownAbove).toMatchObject({ status: 404, error: { code: "not_found" } });
    expect(await move(theirs.activities[0]!.id, null)).toEqual(unknownAbove);
    expect(await move(myOtherProject.activities[0]!.id, null)).toEqual(unknownAbove);
    expect(await move(second!.id, theirs.activities[0]!.id)).toEqual(await move(second!.id, UNKNOWN));

    expect(await boardOf(me, mine.project.id)).toBe(before);
  });
});
