import "server-only";
import { AIMessage, type BaseMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
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
  if (message instanceof HumanMessage) return { id, role: "user", content, toolCalls: [] };
  if (message instanceof AIMessage) return { id, role: "assistant", content, toolCalls: (message.tool_calls ?? []).map((call) => ({ name: call.name, args: call.args })) };
  if (message instanceof ToolMessage) return { id, role: "tool", content, toolCalls: [] };
  return undefined;
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

/** One turn: the creator's message, then the agent until it answers or pauses for a decision. */
export async function sendChatMessage(target: ChatTarget & { message: string }): Promise<ChatState> {
  const thread = await threadOf(target);
  const before = await stateOf(thread);
  if (before.pending) throw new AppError("conflict", "Approve or reject the pending action first");
  await agentGraph().invoke({ messages: [new HumanMessage(target.message)] }, configOf(thread));
  const after = await stateOf(thread);
  await logTurn(thread, before.messages.length, after, target.ownerId);
  return after;
}

/** Resumes a paused turn with the creator's decision on the pending action. */
export async function resumeChat(target: ChatTarget & { decision: "approve" | "reject" }): Promise<ChatState> {
  const thread = await threadOf(target);
  const before = await stateOf(thread);
  if (!before.pending) throw new AppError("conflict", "Nothing is waiting for a decision");
  await agentGraph().invoke(new Command({ resume: target.decision }), configOf(thread));
  const after = await stateOf(thread);
  await logTurn(thread, before.messages.length, after, target.ownerId);
  return after;
}
