import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getBoard } from "@/lib/boards/get-board";
import { getCard } from "@/lib/boards/cards";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import { listCardJobs } from "@/lib/jobs/jobs";
import { createBoard, createUser } from "@/test/seed";
import * as cardChatRoute from "@/app/api/cards/[cardId]/chat/route";
import { BASE_URL } from "@/test/seed";
import { chatHistory, resumeChat, sendChatMessage } from "./chat";

beforeAll(async () => {
  await startEmbeddedEngine();
});

describe("agents with the offline assistant, checkpointed in Postgres", () => {
  it("the project agent changes the board through its tools and the thread survives a new graph", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image"], 0);

    const first = await sendChatMessage({ ownerId: user.id, projectId: project.id, message: 'add a column "Characters" for image work' });
    expect(first.model).toEqual({ label: "offline assistant", isOffline: true });
    expect(first.messages.map((entry) => entry.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    expect(first.messages[1]!.toolCalls).toEqual([{ name: "create_activity", args: { title: "Characters", taskType: "image" } }]);
    expect(first.messages.at(-1)!.content).toMatch(/^Done\. Created the image column "Characters"/);

    await sendChatMessage({
      ownerId: user.id,
      projectId: project.id,
      message: 'add a card "Hero" to "Characters" with prompt "a tired keeper in an oilskin coat"',
    });
    const board = await getBoard({ ownerId: user.id, projectId: project.id });
    const hero = board.activities.find((column) => column.title === "Characters")!.cards[0]!;
    expect(hero).toMatchObject({ title: "Hero", generationParams: { prompt: "a tired keeper in an oilskin coat" } });

    // A new process compiles a new graph: the conversation comes back from the checkpoint tables.
    (globalThis as { __reelboardGraph?: unknown }).__reelboardGraph = undefined;
    const restored = await chatHistory({ ownerId: user.id, projectId: project.id });
    expect(restored.messages).toHaveLength(8);
    expect(restored.messages[4]!.content).toContain('add a card "Hero"');

    const logged = await getDb()
      .selectFrom("chat_messages")
      .select(["role", "agent_type"])
      .where("thread_id", "=", `project:${project.id}`)
      .orderBy("created_at")
      .execute();
    expect(logged).toHaveLength(8);
    expect(new Set(logged.map((row) => row.agent_type))).toEqual(new Set(["project"]));
  });

  it("a card agent asks before generating: Approve starts the job, Reject starts nothing", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 2);
    const [card, other] = activities[0]!.cards as [(typeof activities)[0]["cards"][0], (typeof activities)[0]["cards"][0]];

    await sendChatMessage({ ownerId: user.id, cardId: card.id, message: 'set the prompt to "storm light on the gallery"' });
    expect((await getCard({ ownerId: user.id, cardId: card.id })).generationParams).toMatchObject({ prompt: "storm light on the gallery" });

    const paused = await sendChatMessage({ ownerId: user.id, cardId: card.id, message: "generate it" });
    expect(paused.pending).toMatchObject({ action: "start_generation", summary: expect.stringContaining("storm light on the gallery") });
    expect(await listCardJobs({ ownerId: user.id, cardId: card.id })).toHaveLength(0);
    await expect(sendChatMessage({ ownerId: user.id, cardId: card.id, message: "hello" })).rejects.toMatchObject({ code: "conflict" });

    const approved = await resumeChat({ ownerId: user.id, cardId: card.id, decision: "approve" });
    expect(approved.pending).toBeNull();
    expect(approved.messages.at(-1)!.content).toMatch(/Started generating/);
    expect(await listCardJobs({ ownerId: user.id, cardId: card.id })).toHaveLength(1);

    await sendChatMessage({ ownerId: user.id, cardId: other.id, message: 'set the prompt to "a gull"' });
    await sendChatMessage({ ownerId: user.id, cardId: other.id, message: "generate" });
    const rejected = await resumeChat({ ownerId: user.id, cardId: other.id, decision: "reject" });
    expect(rejected.messages.at(-1)!.content).toContain("declined");
    expect(await listCardJobs({ ownerId: user.id, cardId: other.id })).toHaveLength(0);

    // Each card has its own thread.
    const otherThread = await chatHistory({ ownerId: user.id, cardId: other.id });
    expect(otherThread.messages.some((entry) => entry.content.includes("storm light"))).toBe(false);
  });

  it("nobody reads or posts to another user's thread", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const { project, activities } = await createBoard(owner.id, ["image"], 1);
    await sendChatMessage({ ownerId: owner.id, projectId: project.id, message: "show the board" });

    await expect(chatHistory({ ownerId: stranger.id, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(sendChatMessage({ ownerId: stranger.id, projectId: project.id, message: "show the board" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(sendChatMessage({ ownerId: stranger.id, cardId: activities[0]!.cards[0]!.id, message: "generate" })).rejects.toMatchObject(
      { code: "not_found" },
    );
    expect((await chatHistory({ ownerId: owner.id, projectId: project.id })).messages).toHaveLength(4);
  });

  it("one approval starts one generation, however many are sent at once", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 1);
    const card = activities[0]!.cards[0]!;
    await sendChatMessage({ ownerId: user.id, cardId: card.id, message: 'set the prompt to "three keepers"' });
    await sendChatMessage({ ownerId: user.id, cardId: card.id, message: "generate" });

    const approve = () =>
      cardChatRoute.POST(
        new Request(`${BASE_URL}/api/cards/${card.id}/chat`, {
          method: "POST",
          headers: { host: "localhost:3000", cookie: user.cookie, "content-type": "application/json" },
          body: JSON.stringify({ resume: "approve" }),
        }),
        { params: Promise.resolve({ cardId: card.id }) },
      );
    const responses = await Promise.all([approve(), approve(), approve()]);
    const bodies = await Promise.all(responses.map((response) => response.text()));

    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    expect(bodies.filter((body) => body.includes('"type":"state"'))).toHaveLength(1);
    expect(await listCardJobs({ ownerId: user.id, cardId: card.id })).toHaveLength(1);
  });
});
