import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createBoard, createUser } from "@/test/seed";
import { createActivity, deleteActivity } from "./activities";
import { createCard, deleteCard, getCard, updateCard } from "./cards";
import { getBoard } from "./get-board";
import { moveActivity } from "./move-activity";
import { moveCard } from "./move-card";
import { deleteProject, getProject, listProjects, updateProject } from "./projects";

const titles = async (ownerId: string, projectId: string) =>
  (await getBoard({ ownerId, projectId })).activities.map((column) => [column.title, column.cards.map((card) => card.title)]);

describe("boards on Postgres", () => {
  it("keeps columns and cards in the order they were added", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image", "audio"], 2);

    expect(await titles(user.id, project.id)).toEqual([
      ["Column 1", ["Column 1 card 1", "Column 1 card 2"]],
      ["Column 2", ["Column 2 card 1", "Column 2 card 2"]],
    ]);
    const board = await getBoard({ ownerId: user.id, projectId: project.id });
    expect(board.activities.map((column) => column.taskType)).toEqual(["image", "audio"]);
    expect(board.activities[0]?.cards[0]?.generationParams).toMatchObject({ model: "local-image", numImages: 1 });
  });

  it("moves a card within its column, to the top, and across columns", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "video"], 3);
    const [first, second] = activities as [(typeof activities)[0], (typeof activities)[0]];
    const [c1, c2, c3] = first.cards;

    await moveCard({ ownerId: user.id, cardId: c1!.id, input: { activityId: first.id, prevId: c2!.id, nextId: c3!.id } });
    await moveCard({ ownerId: user.id, cardId: c3!.id, input: { activityId: first.id, prevId: null, nextId: c2!.id } });
    await moveCard({
      ownerId: user.id,
      cardId: c2!.id,
      input: { activityId: second.id, prevId: second.cards[0]!.id, nextId: second.cards[1]!.id },
    });

    expect(await titles(user.id, project.id)).toEqual([
      ["Column 1", ["Column 1 card 3", "Column 1 card 1"]],
      ["Column 2", ["Column 2 card 1", "Column 1 card 2", "Column 2 card 2", "Column 2 card 3"]],
    ]);
  });

  it("writes only the moved row, whatever the column length", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 40);
    const cards = activities[0]!.cards;
    const before = await getDb()
      .selectFrom("task_cards")
      .select(["id", "updated_at", "position"])
      .where("activity_id", "=", activities[0]!.id)
      .execute();

    await moveCard({
      ownerId: user.id,
      cardId: cards[39]!.id,
      input: { activityId: activities[0]!.id, prevId: null, nextId: cards[0]!.id },
    });

    const after = await getDb()
      .selectFrom("task_cards")
      .select(["id", "updated_at", "position"])
      .where("activity_id", "=", activities[0]!.id)
      .execute();
    const changed = after.filter((row) => {
      const old = before.find((candidate) => candidate.id === row.id);
      return old?.position !== row.position || old.updated_at.getTime() !== row.updated_at.getTime();
    });
    expect(changed.map((row) => row.id)).toEqual([cards[39]!.id]);
  });

  it("refuses neighbours that are not adjacent with a conflict, changing nothing", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image"], 3);
    const [c1, c2, c3] = activities[0]!.cards;
    const before = await titles(user.id, project.id);

    await expect(
      moveCard({ ownerId: user.id, cardId: c2!.id, input: { activityId: activities[0]!.id, prevId: null, nextId: c3!.id } }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      moveCard({ ownerId: user.id, cardId: c3!.id, input: { activityId: activities[0]!.id, prevId: c2!.id, nextId: c1!.id } }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await titles(user.id, project.id)).toEqual(before);
  });

  it("lets two people drop into the same gap at once and still ends with one consistent order", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "text"], 2);
    const target = activities[0]!;
    const [a, b] = target.cards;
    const movers = activities[1]!.cards;

    const results = await Promise.allSettled(
      movers.map((card) => moveCard({ ownerId: user.id, cardId: card.id, input: { activityId: target.id, prevId: a!.id, nextId: b!.id } })),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(
      ["conflict"],
    );
    const positions = await getDb().selectFrom("task_cards").select("position").where("activity_id", "=", target.id).execute();
    expect(new Set(positions.map((row) => row.position)).size).toBe(positions.length);
    expect((await titles(user.id, project.id))[0]?.[1]).toHaveLength(3);
  });

  it("appends concurrently created cards without colliding", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 0);
    await Promise.all(
      Array.from({ length: 8 }, (_, n) => createCard({ ownerId: user.id, activityId: activities[0]!.id, input: { title: `card ${n}` } })),
    );
    const positions = await getDb().selectFrom("task_cards").select("position").where("activity_id", "=", activities[0]!.id).execute();
    expect(new Set(positions.map((row) => row.position)).size).toBe(8);
  });

  it("never lets an append and a move to the bottom share a position", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "text"], 2);
    const [target, source] = activities as [(typeof activities)[0], (typeof activities)[0]];

    const results = await Promise.allSettled([
      createCard({ ownerId: user.id, activityId: target.id, input: { title: "appended" } }),
      moveCard({
        ownerId: user.id,
        cardId: source.cards[0]!.id,
        input: { activityId: target.id, prevId: target.cards[1]!.id, nextId: null },
      }),
    ]);

    expect(results[0].status).toBe("fulfilled");
    const positions = await getDb().selectFrom("task_cards").select("position").where("activity_id", "=", target.id).execute();
    expect(new Set(positions.map((row) => row.position)).size).toBe(positions.length);
    const board = await getBoard({ ownerId: user.id, projectId: project.id });
    const [targetTitles, sourceTitles] = board.activities.map((column) => column.cards.map((card) => card.title)) as [string[], string[]];
    expect(targetTitles).toContain("appended");
    // Either the move landed (just under the card it named) or it was refused as stale and changed nothing.
    const moved = source.cards[0]!.title;
    if (results[1].status === "fulfilled") {
      expect(targetTitles.indexOf(moved)).toBe(targetTitles.indexOf(target.cards[1]!.title) + 1);
      expect(sourceTitles).not.toContain(moved);
    } else {
      expect(results[1].reason).toMatchObject({ code: "conflict" });
      expect(sourceTitles).toContain(moved);
    }

    // Once the board has settled, the same move to the bottom is accepted and lands under the last card.
    await moveCard({
      ownerId: user.id,
      cardId: source.cards[1]!.id,
      input: {
        activityId: target.id,
        prevId: (await getBoard({ ownerId: user.id, projectId: project.id })).activities[0]!.cards.at(-1)!.id,
        nextId: null,
      },
    });
    const settled = await getBoard({ ownerId: user.id, projectId: project.id });
    expect(settled.activities[0]!.cards.at(-1)!.title).toBe(source.cards[1]!.title);
  });

  it("reorders columns", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "video", "audio"], 0);
    await moveActivity({ ownerId: user.id, activityId: activities[2]!.id, input: { prevId: null, nextId: activities[0]!.id } });
    expect((await titles(user.id, project.id)).map(([title]) => title)).toEqual(["Column 3", "Column 1", "Column 2"]);
  });

  it("validates card parameters by the column's type and saves nothing invalid", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 1);
    const card = activities[0]!.cards[0]!;

    await expect(updateCard({ ownerId: user.id, cardId: card.id, input: { generationParams: { numImages: 12 } } })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { "generationParams.numImages": ["At most 8"] },
    });
    expect((await getCard({ ownerId: user.id, cardId: card.id })).generationParams).toMatchObject({ numImages: 1 });

    const saved = await updateCard({
      ownerId: user.id,
      cardId: card.id,
      input: { generationParams: { prompt: "a red door", numImages: 3 } },
    });
    expect(saved.generationParams).toMatchObject({ prompt: "a red door", numImages: 3, resolution: "1024x1024" });
  });

  it("hides every project, column and card from other users and lets them change nothing", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const { project, activities } = await createBoard(owner.id, ["image"], 2);
    const column = activities[0]!;
    const card = column.cards[0]!;
    const strangerBoard = await createBoard(stranger.id, ["image"], 1);
    const notFound = { code: "not_found" };

    await expect(getProject({ ownerId: stranger.id, projectId: project.id })).rejects.toMatchObject(notFound);
    await expect(getBoard({ ownerId: stranger.id, projectId: project.id })).rejects.toMatchObject(notFound);
    await expect(updateProject({ ownerId: stranger.id, projectId: project.id, input: { title: "mine" } })).rejects.toMatchObject(notFound);
    await expect(deleteProject({ ownerId: stranger.id, projectId: project.id })).rejects.toMatchObject(notFound);
    await expect(
      createActivity({ ownerId: stranger.id, projectId: project.id, input: { title: "x", taskType: "text" } }),
    ).rejects.toMatchObject(notFound);
    await expect(deleteActivity({ ownerId: stranger.id, activityId: column.id })).rejects.toMatchObject(notFound);
    await expect(createCard({ ownerId: stranger.id, activityId: column.id, input: { title: "x" } })).rejects.toMatchObject(notFound);
    await expect(getCard({ ownerId: stranger.id, cardId: card.id })).rejects.toMatchObject(notFound);
    await expect(updateCard({ ownerId: stranger.id, cardId: card.id, input: { title: "mine" } })).rejects.toMatchObject(notFound);
    await expect(deleteCard({ ownerId: stranger.id, cardId: card.id })).rejects.toMatchObject(notFound);
    // Moving one's own card into someone else's column, or someone else's card into one's own.
    const ownCard = strangerBoard.activities[0]!.cards[0]!;
    await expect(
      moveCard({ ownerId: stranger.id, cardId: ownCard.id, input: { activityId: column.id, prevId: null, nextId: null } }),
    ).rejects.toMatchObject(notFound);
    await expect(
      moveCard({
        ownerId: stranger.id,
        cardId: card.id,
        input: { activityId: strangerBoard.activities[0]!.id, prevId: null, nextId: null },
      }),
    ).rejects.toMatchObject(notFound);

    expect(await listProjects({ ownerId: stranger.id })).toHaveLength(1);
    expect(await titles(owner.id, project.id)).toEqual([["Column 1", ["Column 1 card 1", "Column 1 card 2"]]]);
  });

  it("deletes a column with its cards, and a project with everything", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "video"], 2);
    await deleteActivity({ ownerId: user.id, activityId: activities[0]!.id });
    expect((await titles(user.id, project.id)).map(([title]) => title)).toEqual(["Column 2"]);
    await expect(getCard({ ownerId: user.id, cardId: activities[0]!.cards[0]!.id })).rejects.toMatchObject({ code: "not_found" });

    await deleteProject({ ownerId: user.id, projectId: project.id });
    const left = await getDb().selectFrom("task_cards").select("id").where("activity_id", "=", activities[1]!.id).execute();
    expect(left).toEqual([]);
  });

  it("treats ids that are not UUIDs as unknown", async () => {
    const user = await createUser();
    await expect(getCard({ ownerId: user.id, cardId: "../etc/passwd" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the board JSON built by Postgres", () => {
  it("has exactly the shapes the API returns for projects, columns and cards elsewhere", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "audio", "text"], 2);
    await createActivity({ ownerId: user.id, projectId: project.id, input: { title: "Empty", taskType: "video" } });
    const card = activities[1]!.cards[0]!;
    await updateCard({
      ownerId: user.id,
      cardId: card.id,
      input: { title: 'Quotes "and" \\ backslashes', generationParams: { text: "Hé — ünïcode ✓", speed: 1.25 } },
    });

    const board = await getBoard({ ownerId: user.id, projectId: project.id });

    expect(board.project).toEqual(await getProject({ ownerId: user.id, projectId: project.id }));
    expect(board.activities.map(({ cards: _cards, ...activity }) => activity)).toEqual([
      ...activities.map(({ cards: _cards, ...activity }) => activity),
      expect.objectContaining({ title: "Empty", taskType: "video" }),
    ]);
    expect(board.activities[3]?.cards).toEqual([]);
    for (const column of board.activities) {
      for (const shown of column.cards) expect(shown).toEqual(await getCard({ ownerId: user.id, cardId: shown.id }));
    }
    expect(board.activities[1]?.cards[0]?.title).toBe('Quotes "and" \\ backslashes');
  });

  it("shows every card exactly once while cards move between columns", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "image", "image"], 8);
    const columns = activities.map((activity) => ({ id: activity.id, cardIds: activity.cards.map((card) => card.id) }));
    const total = columns.reduce((sum, column) => sum + column.cardIds.length, 0);

    let isMoving = true;
    const mover = (async () => {
      for (let move = 0; move < 120; move++) {
        const from = columns[move % 3]!.cardIds.length > 0 ? columns[move % 3]! : columns.find((column) => column.cardIds.length > 0)!;
        const to =
          columns.find((column) => column !== from && column.id === columns[(move + 1) % 3]!.id) ??
          columns.find((column) => column !== from)!;
        const cardId = from.cardIds.shift()!;
        await moveCard({ ownerId: user.id, cardId, input: { activityId: to.id, prevId: null, nextId: to.cardIds[0] ?? null } });
        to.cardIds.unshift(cardId);
      }
      isMoving = false;
    })();
    const badReads: string[] = [];
    let reads = 0;
    const reader = async () => {
      while (isMoving) {
        const board = await getBoard({ ownerId: user.id, projectId: project.id });
        const ids = board.activities.flatMap((column) => column.cards.map((card) => card.id));
        reads++;
        if (ids.length !== total || new Set(ids).size !== total) badReads.push(`${ids.length} cards, ${new Set(ids).size} distinct`);
      }
    };
    await Promise.all([mover, reader(), reader(), reader()]);

    expect(reads).toBeGreaterThan(20);
    expect(badReads).toEqual([]);
  });

  it("is not found for another user's project", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const { project } = await createBoard(owner.id, ["image"], 1);
    await expect(getBoard({ ownerId: stranger.id, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
