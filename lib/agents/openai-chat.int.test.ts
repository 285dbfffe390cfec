import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getBoard } from "@/lib/boards/get-board";
import { setRuntimeEnv } from "@/lib/env";
import { startFakeAiServer } from "@/test/fake-ai-server";
import { createBoard, createUser } from "@/test/seed";
import { resumeChat, sendChatMessage, type TurnEvent } from "./chat";

let fake: Awaited<ReturnType<typeof startFakeAiServer>>;

/** An OpenAI chat completions stream (server-sent events), as the real API sends it. */
function sse(chunks: object[]): { status: number; headers: Record<string, string>; body: string } {
  const id = `chatcmpl-${crypto.randomUUID()}`;
  const frame = (delta: object, finish: string | null) => ({
    id,
    object: "chat.completion.chunk",
    created: 1,
    model: "gpt-test",
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const body =
    chunks
      .map(
        (chunk, index) =>
          `data: ${JSON.stringify(frame(chunk, index === chunks.length - 1 ? ("tool_calls" in chunk ? "tool_calls" : "stop") : null))}\n\n`,
      )
      .join("") + "data: [DONE]\n\n";
  return { status: 200, headers: { "content-type": "text/event-stream" }, body };
}

beforeAll(async () => {
  fake = await startFakeAiServer();
  setRuntimeEnv("OPENAI_API_KEY", "sk-test");
  setRuntimeEnv("OPENAI_BASE_URL", `${fake.base}/v1`);
  setRuntimeEnv("OPENAI_MODEL", "gpt-test");
  (globalThis as { __reelboardGraph?: unknown }).__reelboardGraph = undefined;
});
afterAll(async () => {
  await fake.stop();
  (globalThis as { __reelboardGraph?: unknown }).__reelboardGraph = undefined;
});

describe("the agent with the real @langchain/openai client against a loopback OpenAI server", () => {
  it("streams a tool call, runs the tool, and streams the answer", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image"], 1);
    fake.script(
      "POST /v1/chat/completions",
      sse([
        {
          role: "assistant",
          content: null,
          tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "create_activity", arguments: "" } }],
        },
        { tool_calls: [{ index: 0, function: { arguments: '{"title":"Scenes",' } }] },
        { tool_calls: [{ index: 0, function: { arguments: '"taskType":"video"}' } }] },
      ]),
      sse([{ role: "assistant", content: "Added the " }, { content: "Scenes column." }]),
    );
    const before = fake.requests.length;
    const events: TurnEvent[] = [];

    const state = await sendChatMessage({ ownerId: user.id, projectId: project.id, message: "We need a column for scenes" }, (event) =>
      events.push(event),
    );

    expect(state.model).toEqual({ label: "gpt-test (OpenAI-compatible)", isOffline: false });
    expect(state.messages.at(-1)).toMatchObject({ role: "assistant", content: "Added the Scenes column." });
    expect(
      (await getBoard({ ownerId: user.id, projectId: project.id })).activities.map((column) => [column.title, column.taskType]),
    ).toEqual([
      ["Column 1", "image"],
      ["Scenes", "video"],
    ]);
    expect(events.filter((event) => event.type === "step")).toEqual([
      { type: "step", name: "create_activity", args: { title: "Scenes", taskType: "video" } },
    ]);
    expect(
      events
        .filter((event) => event.type === "token")
        .map((event) => (event as { text: string }).text)
        .join(""),
    ).toContain("Scenes column.");

    const calls = fake.requests.slice(before).map((request) => JSON.parse(request.body));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ model: "gpt-test", stream: true });
    expect(calls[0].tools.map((entry: { function: { name: string } }) => entry.function.name)).toContain("create_activity");
    expect(calls[0].messages[0].content).toContain("# Memory");
    expect(calls[0].messages[0].content).toContain("Column 1 [image]");
    expect(calls[1].messages.at(-1)).toMatchObject({ role: "tool", tool_call_id: "call_1" });
  });

  it("logs a turn whose tools ran before the model failed, and reports the failure", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image"], 1);
    fake.script(
      "POST /v1/chat/completions",
      sse([
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              index: 0,
              id: "call_2",
              type: "function",
              function: { name: "create_activity", arguments: '{"title":"Music","taskType":"audio"}' },
            },
          ],
        },
      ]),
      {
        status: 400,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ error: { message: "context length exceeded", type: "invalid_request_error" } }),
      },
    );

    await expect(sendChatMessage({ ownerId: user.id, projectId: project.id, message: "Add a music column" })).rejects.toThrow();

    expect((await getBoard({ ownerId: user.id, projectId: project.id })).activities.map((column) => column.title)).toContain("Music");
    const logged = await getDb()
      .selectFrom("chat_messages")
      .select(["role", "content"])
      .where("thread_id", "=", `project:${project.id}`)
      .orderBy("created_at")
      .execute();
    expect(logged.map((row) => row.role)).toEqual(["user", "assistant", "tool", "system"]);
    expect(logged[0]!.content).toBe("Add a music column");
    expect(logged[2]!.content).toContain("Music");
    expect(logged[3]!.content).toMatch(/The turn failed/);
  });

  it("runs every board tool for real, and pauses delete_card until the creator approves", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image", "image"], 2);
    const [first, second] = activities[0]!.cards as unknown as [{ id: string }, { id: string }];
    const call = (index: number, name: string, args: object) => ({
      index,
      id: `call_${name}_${index}`,
      type: "function",
      function: { name, arguments: JSON.stringify(args) },
    });
    fake.script(
      "POST /v1/chat/completions",
      sse([
        {
          role: "assistant",
          content: null,
          tool_calls: [
            call(0, "create_card", { columnTitle: "Column 2", title: "Gull", prompt: "a gull over the rocks" }),
            call(1, "edit_card", { cardId: first.id, title: "Keeper" }),
            call(2, "set_generation_params", { cardId: second.id, prompt: "storm light", numImages: 2 }),
          ],
        },
      ]),
      sse([
        {
          role: "assistant",
          content: null,
          tool_calls: [call(0, "move_card", { cardId: first.id, columnTitle: "Column 2", position: "top" })],
        },
      ]),
      sse([
        {
          role: "assistant",
          content: null,
          tool_calls: [call(0, "read_board", {}), call(1, "job_status", {}), call(2, "list_approved_assets", {})],
        },
      ]),
      sse([{ role: "assistant", content: "All done." }]),
    );

    const state = await sendChatMessage({ ownerId: user.id, projectId: project.id, message: "Tidy the board" });

    const board = await getBoard({ ownerId: user.id, projectId: project.id });
    expect(board.activities.map((column) => column.cards.map((card) => card.title))).toEqual([
      ["Column 1 card 2"],
      ["Keeper", "Column 2 card 1", "Column 2 card 2", "Gull"],
    ]);
    expect(board.activities[1]!.cards.at(-1)!.generationParams).toMatchObject({ prompt: "a gull over the rocks" });
    expect(board.activities[0]!.cards[0]!.generationParams).toMatchObject({ prompt: "storm light", numImages: 2 });
    const toolReplies = state.messages.filter((entry) => entry.role === "tool").map((entry) => entry.content);
    expect(toolReplies).toHaveLength(7);
    expect(toolReplies.slice(4).join("\n")).toMatch(/Keeper/);
    expect(toolReplies).toContain("No jobs yet.");
    expect(toolReplies).toContain("Nothing has been approved yet.");

    fake.script(
      "POST /v1/chat/completions",
      sse([{ role: "assistant", content: null, tool_calls: [call(0, "delete_card", { cardId: second.id })] }]),
      sse([{ role: "assistant", content: "Deleted it." }]),
    );
    const paused = await sendChatMessage({ ownerId: user.id, projectId: project.id, message: "Delete the storm card" });
    expect(paused.pending).toMatchObject({ action: "delete_card", summary: expect.stringContaining("Column 1 card 2") });
    expect((await getBoard({ ownerId: user.id, projectId: project.id })).activities[0]!.cards).toHaveLength(1);

    const approved = await resumeChat({ ownerId: user.id, projectId: project.id, decision: "approve" });
    expect(approved.pending).toBeNull();
    expect((await getBoard({ ownerId: user.id, projectId: project.id })).activities[0]!.cards).toHaveLength(0);
  });
});
