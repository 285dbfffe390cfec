import { HumanMessage, ToolMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { interpret, OfflineAssistant } from "./offline-model";

const ALL = [
  "create_activity",
  "create_card",
  "set_generation_params",
  "start_generation",
  "list_approved_assets",
  "job_status",
  "read_board",
];

describe("the offline assistant", () => {
  it.each([
    ['Add a column "Characters" for image work', { name: "create_activity", args: { title: "Characters", taskType: "image" } }],
    ['please create an audio column "Voices"', { name: "create_activity", args: { title: "Voices", taskType: "audio" } }],
    [
      'add a card "Hero" to "Characters" with prompt "a tired keeper, 60, oilskin coat"',
      { name: "create_card", args: { title: "Hero", columnTitle: "Characters", prompt: "a tired keeper, 60, oilskin coat" } },
    ],
    ['set the prompt to "storm light, wide shot"', { name: "set_generation_params", args: { prompt: "storm light, wide shot" } }],
    ["generate it", { name: "start_generation", args: {} }],
    ["what have we approved so far?", { name: "list_approved_assets", args: {} }],
    ["what's the status?", { name: "job_status", args: {} }],
    ["show me the board", { name: "read_board", args: {} }],
  ])("reads %j as a tool call", (text, call) => {
    expect(interpret(text, ALL)).toEqual(call);
  });

  it("only calls tools it was given", () => {
    expect(interpret("generate it", ["read_board"])).toBeUndefined();
  });

  it("answers with a real tool call, then reports the tool's result", async () => {
    const model = new OfflineAssistant().bindTools([{ name: "read_board" }]);
    const call = await model.invoke([new HumanMessage("show the board")]);
    expect(call.tool_calls).toMatchObject([{ name: "read_board", args: {} }]);
    const reply = await model.invoke([
      new HumanMessage("show the board"),
      call,
      new ToolMessage({ content: "2 columns", tool_call_id: call.tool_calls![0]!.id! }),
    ]);
    expect(reply.content).toBe("Done. 2 columns");
  });

  it("explains what it understands when it does not understand", async () => {
    const reply = await new OfflineAssistant().invoke([new HumanMessage("write me a sonnet")]);
    expect(String(reply.content)).toContain("offline assistant");
  });
});
