import "server-only";
import { type AIMessage, type BaseMessage, HumanMessage } from "@langchain/core/messages";
import { Command } from "@langchain/langgraph";
import { randomUUID } from "node:crypto";
import { acquireThreadLock, releaseThreadLock, renewThreadLock } from "@/db/queries/agent-thread-locks";
import { insertChatMessages } from "@/db/queries/chat-messages";
import { findCardForOwner } from "@/db/queries/cards";
import { findProjectForOwner } from "@/db/queries/projects";
import { AppError, notFound } from "@/lib/errors";
import { agentGraph } from "./graph";
import { chatModel, type ModelInfo } from "./model";
import type { AgentScope } from "./tools";

export type ChatTarget = { ownerId: string } & ({ projectId: string; cardId?: undefined } | { cardId: string; projectId?: undefined });

export type ChatEntry = {
  id: string;
  role: "user" | "assistant" | "tool";
  content: string;
  toolCalls: Array<{ name: string; args: unknown }>;
};
export type PendingAction = { action: string; summary: string };
export type ChatState = { threadId: string; model: ModelInfo; messages: ChatEntry[]; pending: PendingAction | null };

type Thread = { scope: AgentScope; threadId: string; agentType: string };

/** The thread of a project or card the caller owns; anyone else's is not found. */
async function threadOf(target: ChatTarget): Promise<Thread> {
  if (target.cardId !== undefined) {
    const card = await findCardForOwner({ cardId: target.cardId, ownerId: target.ownerId });
    if (!card) throw notFound("No such card");
    return {
      scope: { ownerId: target.ownerId, projectId: card.project_id, cardId: card.id },
      threadId: `card:${card.id}`,
      agentType: `card-${card.task_type}`,
    };
  }
  const project = await findProjectForOwner({ projectId: target.projectId, ownerId: target.ownerId });
  if (!project) throw notFound("No such project");
  return {
    scope: { ownerId: target.ownerId, projectId: project.id, cardId: null },
    threadId: `project:${project.id}`,
    agentType: "project",
  };
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
      return {
        id,
        role: "assistant",
        content,
        toolCalls: ((message as AIMessage).tool_calls ?? []).map((call) => ({ name: call.name, args: call.args })),
      };
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
  const messages = ((snapshot.values as { messages?: BaseMessage[] }).messages ?? [])
    .map(toEntry)
    .filter((entry): entry is ChatEntry => entry !== undefined);
  const interrupt = snapshot.tasks.flatMap((task) => task.interrupts ?? [])[0];
  return { threadId: thread.threadId, model: chatModel().info, messages, pending: (interrupt?.value as PendingAction | undefined) ?? null };
}

type LogEntry = { role: "user" | "assistant" | "tool" | "system"; content: string; toolCalls?: ChatEntry["toolCalls"] };

/** Logs what a turn added to the thread in chat_messages, the audit log of every conversation. */
async function logTurn(thread: Thread, entries: LogEntry[], userId: string): Promise<void> {
  await insertChatMessages(
    entries.map((entry) => ({
      projectId: thread.scope.projectId,
      cardId: thread.scope.cardId,
      threadId: thread.threadId,
      agentType: thread.agentType,
      userId: entry.role === "user" ? userId : null,
      role: entry.role,
      content: entry.content,
      metadata: entry.toolCalls && entry.toolCalls.length > 0 ? { toolCalls: entry.toolCalls } : {},
    })),
  );
}

export type TurnEvent =
  { type: "token"; text: string } | { type: "step"; name: string; args: unknown } | { type: "state"; state: ChatState };
type TurnInput = { message: string } | { decision: "approve" | "reject" };

/** A turn that holds its thread: run it once; until it ends, other turns on the thread get 409. */
export type Turn = { run: (onEvent?: (event: TurnEvent) => void) => Promise<ChatState> };

const LOCK_LEASE_MS = 30_000;

/**
 * Checks and takes the thread before anything runs, so that the caller can answer 404 or 409 as a status:
 * one turn per thread at a time (across processes), a message only when nothing waits for a decision,
 * a decision only when something does. Two approvals sent at once start one generation.
 */
export async function beginTurn(target: ChatTarget, input: TurnInput): Promise<Turn> {
  const thread = await threadOf(target);
  const holder = randomUUID();
  if (!(await acquireThreadLock({ threadId: thread.threadId, holder, leaseMs: LOCK_LEASE_MS }))) {
    throw new AppError("conflict", "The agent is still answering on this thread; wait for it to finish");
  }
  const release = () => releaseThreadLock({ threadId: thread.threadId, holder });

  let before: ChatState;
  try {
    before = await stateOf(thread);
    if ("message" in input && before.pending) throw new AppError("conflict", "Approve or reject the pending action first");
    if ("decision" in input && !before.pending) throw new AppError("conflict", "Nothing is waiting for a decision");
  } catch (error) {
    await release();
    throw error;
  }

  let hasRun = false;
  return {
    run: async (onEvent = () => {}) => {
      if (hasRun) throw new Error("A turn runs once");
      hasRun = true;
      const heartbeat = setInterval(
        () => void renewThreadLock({ threadId: thread.threadId, holder, leaseMs: LOCK_LEASE_MS }).catch(() => {}),
        LOCK_LEASE_MS / 3,
      );
      try {
        return await runTurn(thread, before, input, target.ownerId, onEvent);
      } finally {
        clearInterval(heartbeat);
        await release().catch(() => {});
      }
    },
  };
}

/**
 * Runs one turn and reports as it goes: model tokens, each tool call as a step, and finally the thread's
 * state. Whatever happens, the turn is logged: a turn whose tools ran and whose reply then failed keeps
 * what it did in chat_messages, with the failure.
 */
async function runTurn(
  thread: Thread,
  before: ChatState,
  input: TurnInput,
  userId: string,
  onEvent: (event: TurnEvent) => void,
): Promise<ChatState> {
  const seen: BaseMessage[] = [];
  try {
    // One checkpoint when the turn ends or pauses: a crash mid-turn loses that turn, which the creator resends.
    const options = { ...configOf(thread), streamMode: ["messages", "updates"] as ("messages" | "updates")[], durability: "exit" as const };
    const stream =
      "message" in input
        ? await agentGraph().stream({ messages: [new HumanMessage(input.message)] }, options)
        : await agentGraph().stream(new Command<unknown>({ resume: input.decision }) as never, options);
    for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
      if (mode === "messages") {
        const [message, metadata] = chunk as [BaseMessage, { langgraph_node?: string }];
        if (metadata.langgraph_node === "agent" && typeof message.content === "string" && message.content)
          onEvent({ type: "token", text: message.content });
      } else if (mode === "updates") {
        const update = chunk as Record<string, { messages?: BaseMessage[] } | undefined>;
        for (const message of Object.values(update).flatMap((node) => node?.messages ?? [])) {
          seen.push(message);
          if (message.type === "ai")
            for (const call of (message as AIMessage).tool_calls ?? []) onEvent({ type: "step", name: call.name, args: call.args });
        }
      }
    }
  } catch (error) {
    const asked: LogEntry[] = "message" in input ? [{ role: "user", content: input.message }] : [];
    const done = seen.map(toEntry).filter((entry): entry is ChatEntry => entry !== undefined);
    const failure: LogEntry = {
      role: "system",
      content: `The turn failed: ${error instanceof AppError ? error.message : "the agent stopped on an error"}`,
    };
    await logTurn(thread, [...asked, ...done, failure], userId).catch((logError) =>
      console.error("[chat] could not log a failed turn:", logError),
    );
    throw error;
  }

  const after = await stateOf(thread);
  await logTurn(thread, after.messages.slice(before.messages.length), userId);
  onEvent({ type: "state", state: after });
  return after;
}

/** One turn: the creator's message, then the agent until it answers or pauses for a decision. */
export async function sendChatMessage(target: ChatTarget & { message: string }, onEvent?: (event: TurnEvent) => void): Promise<ChatState> {
  return (await beginTurn(target, { message: target.message })).run(onEvent);
}

/** Resumes a paused turn with the creator's decision on the pending action. */
export async function resumeChat(
  target: ChatTarget & { decision: "approve" | "reject" },
  onEvent?: (event: TurnEvent) => void,
): Promise<ChatState> {
  return (await beginTurn(target, { decision: target.decision })).run(onEvent);
}
