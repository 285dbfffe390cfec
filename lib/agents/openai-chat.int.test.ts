import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getBoard } from "@/lib/boards/get-board";
import { setRuntimeEnv } from "@/lib/env";
import { startFakeAiServer } from "@/test/fake-ai-server";
import { createBoard, createUser } from "@/test/seed";
import { sendChatMessage, type TurnEvent } from "./chat";

let fake: Awaited<ReturnType<typeof startFakeAiServer>>;

/** An OpenAI chat completions stream (server-sent events), as the real API sends it. */
function sse(chunks: object[]): { status: number; headers: Record<string, string>; body: string } {
  const id = `chatcmpl-${crypto.randomUUID()}`;
  const frame = (delta: object, finish: string | null) => ({ id, object: "chat.completion.chunk", created: 1, model: "gpt-test", choices: [{ index: 0, delta, finish_reason: finish }] });
  const body = chunks.map((chunk, index) => `data: ${JSON.stringify(frame(chunk, index === chunks.length - 1 ? ("tool_calls" in chunk ? "tool_calls" : "stop") : null))}\n\n`).join("") + "data: [DONE]\n\n";
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
        { role: "assistant", content: null, tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "create_activity", arguments: "" } }] },
        { tool_calls: [{ index: 0, function: { arguments: '{"title":"Scenes",' } }] },
        { tool_calls: [{ index: 0, function: { arguments: '"taskType":"video"}' } }] },
      ]),
      sse([{ role: "assistant", content: "Added the " }, { content: "Scenes column." }]),
    );
    const before = fake.requests.length;
    const events: TurnEvent[] = [];

    const state = await sendChatMessage({ ownerId: user.id, projectId: project.id, message: "We need a column for scenes" }, (event) => events.push(event));

    expect(state.model).toEqual({ label: "gpt-test (OpenAI-compatible)", isOffline: false });
    expect(state.messages.at(-1)).toMatchObject({ role: "assistant", content: "Added the Scenes column." });
    expect((await getBoard({ ownerId: user.id, projectId: project.id })).activities.map((column) => [column.title, column.taskType])).toEqual([
      ["Column 1", "image"],
      ["Scenes", "video"],
    ]);
    expect(events.filter((event) => event.type === "step")).toEqual([{ type: "step", name: "create_activity", args: { title: "Scenes", taskType: "video" } }]);
    expect(events.filter((event) => event.type === "token").map((event) => (event as { text: string }).text).join("")).toContain("Scenes column.");

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
      sse([{ role: "assistant", content: null, tool_calls: [{ index: 0, id: "call_2", type: "function", function: { name: "create_activity", arguments: '{"title":"Music","taskType":"audio"}' } }] }]),
      { status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: { message: "context length exceeded", type: "invalid_request_error" } }) },
    );

    await expect(sendChatMessage({ ownerId: user.id, projectId: project.id, message: "Add a music column" })).rejects.toThrow();

    expect((await getBoard({ ownerId: user.id, projectId: project.id })).activities.map((column) => column.title)).toContain("Music");
    const logged = await getDb().selectFrom("chat_messages").select(["role", "content"]).where("thread_id", "=", `project:${project.id}`).orderBy("created_at").execute();
    expect(logged.map((row) => row.role)).toEqual(["user", "assistant", "tool", "system"]);
    expect(logged[0]!.content).toBe("Add a music column");
    expect(logged[2]!.content).toContain("Music");
    expect(logged[3]!.content).toMatch(/The turn failed/);
  });
});
