import "server-only";
import { type AIMessage, type BaseMessage, HumanMessage } from "@langchain/core/messages";
import { Command } from "@langchain/langgraph";
import { insertChatMessages } from "@/db/queries/chat-messages";
import { findCardForOwner } from "@/db/queries/cards";
import { findProjectForOwner } from "@/db/queries/projects";
import { AppError, notFound } from "@/lib/errors";
import { agentGraph } from "./graph";
import { chatModel, type ModelInfo } from "./model";
import type { AgentScope } from "./tools";

export type ChatTarget = { ownerId: string } & ({ projectId: string; cardId?: undefined } | { cardId: string; projectId?: undefined });

export type ChatEntry = { id: string; role: "user" | "assistant" | "tool"; content: string; toolCalls: Array<{ name: string; args: unknown }> };
export type PendingAction = { action: string; summary: string };
export type ChatState = { threadId: string; model: ModelInfo; messages: ChatEntry[]; pending: PendingAction | null };

type Thread = { scope: AgentScope; threadId: string; agentType: string };

/** The thread of a project or card the caller owns; anyone else's is not found. */
async function threadOf(target: ChatTarget): Promise<Thread> {
  if (target.cardId !== undefined) {
    const card = await findCardForOwner({ cardId: target.cardId, ownerId: target.ownerId });
    if (!card) throw notFound("No such card");
    return { scope: { ownerId: target.ownerId, projectId: card.project_id, cardId: card.id }, threadId: `card:${card.id}`, agentType: `card-${card.task_type}` };
  }
  const project = await findProjectForOwner({ projectId: target.projectId, ownerId: target.ownerId });
  if (!project) throw notFound("No such project");
  return { scope: { ownerId: target.ownerId, projectId: project.id, cardId: null }, threadId: `project:${project.id}`, agentType: "project" };
}

function configOf(thread: Thread) {
  return { configurable: { thread_id: thread.threadId, ...thread.scope } };
}

function toEntry(message: BaseMessage, index: number): ChatEntry | undefined {
  const content = typeof message.content === "string" ? message.content : JSON.stringify(message.content);
  const id = message.id ?? `m${index}`;
  // By type, not class: a streamed reply is an AIMessageChunk, which is not an AIMessage instance.
  switch (message.type) {
    case "human":
      return { id, role: "user", content, toolCalls: [] };
    case "ai":
      return { id, role: "assistant", content, toolCalls: ((message as AIMessage).tool_calls ?? []).map((call) => ({ name: call.name, args: call.args })) };
    case "tool":
      return { id, role: "tool", content, toolCalls: [] };
    default:
      return undefined;
  }
}

/** The conversation as the checkpoint holds it, and the action waiting for Approve or Reject, if any. */
export async function chatHistory(target: ChatTarget): Promise<ChatState> {
  return stateOf(await threadOf(target));
}

async function stateOf(thread: Thread): Promise<ChatState> {
  const snapshot = await agentGraph().getState(configOf(thread));
  const messages = ((snapshot.values as { messages?: BaseMessage[] }).messages ?? []).map(toEntry).filter((entry): entry is ChatEntry => entry !== undefined);
  const interrupt = snapshot.tasks.flatMap((task) => task.interrupts ?? [])[0];
  return { threadId: thread.threadId, model: chatModel().info, messages, pending: (interrupt?.value as PendingAction | undefined) ?? null };
}

/** Logs what a turn added to the thread in chat_messages, the audit log of every conversation. */
async function logTurn(thread: Thread, before: number, after: ChatState, userId: string): Promise<void> {
  await insertChatMessages(
    after.messages.slice(before).map((entry) => ({
      projectId: thread.scope.projectId,
      cardId: thread.scope.cardId,
      threadId: thread.threadId,
      agentType: thread.agentType,
      userId: entry.role === "user" ? userId : null,
      role: entry.role,
      content: entry.content,
      metadata: entry.toolCalls.length > 0 ? { toolCalls: entry.toolCalls } : {},
    })),
  );
}

export type TurnEvent = { type: "token"; text: string } | { type: "step"; name: string; args: unknown } | { type: "state"; state: ChatState };

/**
 * Runs one turn (a message, or a decision on the pending action) and reports as it goes: model tokens,
 * each tool call as a step, and finally the thread's state. Checks happen before anything runs.
 */
async function runTurn(target: ChatTarget, input: { message: string } | { decision: "approve" | "reject" }, onEvent: (event: TurnEvent) => void = () => {}): Promise<ChatState> {
  const thread = await threadOf(target);
  const before = await stateOf(thread);
  if ("message" in input && before.pending) throw new AppError("conflict", "Approve or reject the pending action first");
  if ("decision" in input && !before.pending) throw new AppError("conflict", "Nothing is waiting for a decision");

  // One checkpoint when the turn ends or pauses: a crash mid-turn loses that turn, which the creator resends.
  const options = { ...configOf(thread), streamMode: ["messages", "updates"] as ("messages" | "updates")[], durability: "exit" as const };
  const stream =
    "message" in input
      ? await agentGraph().stream({ messages: [new HumanMessage(input.message)] }, options)
      : await agentGraph().stream(new Command<unknown>({ resume: input.decision }) as never, options);
  for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
    if (mode === "messages") {
      const [message, metadata] = chunk as [BaseMessage, { langgraph_node?: string }];
      if (metadata.langgraph_node === "agent" && typeof message.content === "string" && message.content) onEvent({ type: "token", text: message.content });
    } else if (mode === "updates") {
      const update = chunk as { agent?: { messages?: BaseMessage[] } };
      for (const message of update.agent?.messages ?? []) {
        if (message.type === "ai") for (const call of (message as AIMessage).tool_calls ?? []) onEvent({ type: "step", name: call.name, args: call.args });
      }
    }
  }

  const after = await stateOf(thread);
  await logTurn(thread, before.messages.length, after, target.ownerId);
  onEvent({ type: "state", state: after });
  return after;
}

/** One turn: the creator's message, then the agent until it answers or pauses for a decision. */
export function sendChatMessage(target: ChatTarget & { message: string }, onEvent?: (event: TurnEvent) => void): Promise<ChatState> {
  return runTurn(target, { message: target.message }, onEvent);
}

/** Resumes a paused turn with the creator's decision on the pending action. */
export function resumeChat(target: ChatTarget & { decision: "approve" | "reject" }, onEvent?: (event: TurnEvent) => void): Promise<ChatState> {
  return runTurn(target, { decision: target.decision }, onEvent);
}
