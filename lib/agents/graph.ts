import "server-only";
import { SystemMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { ToolNode, toolsCondition } from "@langchain/langgraph/prebuilt";
import { getPool } from "@/db";
import { cardMemory } from "@/lib/memory/card-memory";
import { projectMemory } from "@/lib/memory/project-memory";
import { chatModel } from "./model";
import { type AgentScope, agentTools } from "./tools";

const PROJECT_PROMPT = `You are the project agent of Reelboard, a Kanban studio for AI film and media production.
You plan and change the board with your tools, answer from the project memory below, and keep answers short.
Starting generations and deleting anything ask the creator first; approving results is the creator's act.`;

const CARD_PROMPT = `You are the specialised agent of one card on a Reelboard board. You refine its prompt and parameters
within its type's schema, start generations (the creator confirms), compare results and explain failures.`;

function scopeOf(config: RunnableConfig): AgentScope {
  const configurable = config.configurable as Partial<AgentScope> | undefined;
  if (!configurable?.ownerId || !configurable.projectId) throw new Error("The agent runs only for a signed-in creator's project");
  return { ownerId: configurable.ownerId, projectId: configurable.projectId, cardId: configurable.cardId ?? null };
}

function build(checkpointer: PostgresSaver) {
  return new StateGraph(MessagesAnnotation)
    .addNode("agent", async (state, config) => {
      const scope = scopeOf(config);
      const memory = scope.cardId ? await cardMemory({ ownerId: scope.ownerId, cardId: scope.cardId }) : await projectMemory(scope);
      const system = new SystemMessage(`${scope.cardId ? CARD_PROMPT : PROJECT_PROMPT}\n\n# Memory\n${memory}`);
      const { model } = chatModel();
      const reply = await model.bindTools!(agentTools(scope)).invoke([system, ...state.messages], config);
      return { messages: [reply] };
    })
    .addNode("tools", async (state, config) => new ToolNode(agentTools(scopeOf(config))).invoke(state, config))
    .addEdge(START, "agent")
    .addConditionalEdges("agent", toolsCondition, ["tools", END])
    .addEdge("tools", "agent")
    .compile({ checkpointer });
}

type AgentGraph = ReturnType<typeof build>;
const globalForGraph = globalThis as typeof globalThis & { __reelboardGraph?: AgentGraph };

/** The agent graph, compiled once per process with the Postgres checkpointer (schema langgraph). */
export function agentGraph(): AgentGraph {
  return (globalForGraph.__reelboardGraph ??= build(new PostgresSaver(getPool(), undefined, { schema: "langgraph" })));
}
