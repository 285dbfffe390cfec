import { BaseChatModel, type BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { StructuredToolInterface } from "@langchain/core/tools";

type ToolCall = { name: string; args: Record<string, unknown> };

/** The requests the offline assistant understands; anything else gets this list back. */
export const OFFLINE_HELP = [
  'add a column "Characters" (image|video|text|audio)',
  'add a card "Hero" to "Characters" with prompt "..."',
  'set the prompt to "..."   (in a card chat)',
  "generate   (in a card chat)",
  "status",
  "what have we approved?",
  "show the board",
];

const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);

/** Reads a creator's request into a tool call, by a few fixed phrasings. Pure, so it is unit-tested. */
export function interpret(text: string, tools: string[]): ToolCall | undefined {
  const lower = text.toLowerCase();
  const strings = quoted(text);
  const has = (name: string) => tools.includes(name);

  if (has("create_activity") && /\b(add|create)\b.*\bcolumn\b/.test(lower)) {
    const type = /\b(image|video|text|audio)\b/.exec(lower)?.[1] ?? "image";
    const title = strings[0] ?? /column (?:called |named )?([\w ]+?)(?: of| with|$)/i.exec(text)?.[1]?.trim();
    if (title) return { name: "create_activity", args: { title, taskType: type } };
  }
  if (has("create_card") && /\b(add|create)\b.*\bcard\b/.test(lower)) {
    const prompt = /prompt\s+"([^"]+)"/i.exec(text)?.[1];
    const [title, column] = strings.filter((value) => value !== prompt);
    if (title && column) return { name: "create_card", args: { title, columnTitle: column, ...(prompt && { prompt }) } };
  }
  if (has("set_generation_params") && /\bset\b.*\bprompt\b/.test(lower) && strings[0]) {
    return { name: "set_generation_params", args: { prompt: strings[0] } };
  }
  if (has("start_generation") && /\b(generate|render|make it)\b/.test(lower)) return { name: "start_generation", args: {} };
  if (has("list_approved_assets") && /\bapproved?\b/.test(lower)) return { name: "list_approved_assets", args: {} };
  if (has("job_status") && /\b(status|progress|how is it going)\b/.test(lower)) return { name: "job_status", args: {} };
  if (has("read_board") && /\b(board|cards|columns)\b/.test(lower)) return { name: "read_board", args: {} };
  return undefined;
}

type OfflineParams = BaseChatModelParams & { toolNames?: string[] };

/**
 * The default chat model when no AI key is set: deterministic, offline, and answering with real tool
 * calls for the requests in OFFLINE_HELP. After a tool ran it reports the tool's result in words.
 */
export class OfflineAssistant extends BaseChatModel {
  readonly toolNames: string[];

  constructor(params: OfflineParams = {}) {
    super(params);
    this.toolNames = params.toolNames ?? [];
  }

  _llmType(): string {
    return "offline-assistant";
  }

  bindTools(tools: Array<StructuredToolInterface | { name: string }>) {
    return new OfflineAssistant({ toolNames: [...this.toolNames, ...tools.map((entry) => entry.name)] });
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const last = messages.at(-1);
    let message: AIMessage;
    if (last instanceof ToolMessage) {
      message = new AIMessage(`Done. ${typeof last.content === "string" ? last.content : JSON.stringify(last.content)}`);
    } else {
      const text = typeof last?.content === "string" ? last.content : "";
      const call = interpret(text, this.toolNames);
      message = call
        ? new AIMessage({
            content: "",
            tool_calls: [{ id: `call_${Date.now().toString(36)}`, name: call.name, args: call.args, type: "tool_call" }],
          })
        : new AIMessage(
            `I am the offline assistant (no AI key is set). I understand:\n${OFFLINE_HELP.map((line) => `- ${line}`).join("\n")}`,
          );
    }
    return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
  }
}
