import "server-only";
import { tool } from "@langchain/core/tools";
import { interrupt } from "@langchain/langgraph";
import { z } from "zod";
import { safeText } from "@/lib/validations/text";
import { listAssets } from "@/lib/assets/assets";
import { createActivity } from "@/lib/boards/activities";
import { createCard, deleteCard, getCard, updateCard } from "@/lib/boards/cards";
import { getBoard } from "@/lib/boards/get-board";
import { moveCard } from "@/lib/boards/move-card";
import { AppError } from "@/lib/errors";
import { createJob, listCardJobs, listJobsOfProject } from "@/lib/jobs/jobs";
import { PROMPT_FIELD, TASK_TYPES } from "@/lib/validations/generation-params";

export type AgentScope = { ownerId: string; projectId: string; cardId: string | null };

/** Costly or destructive actions wait for the creator: the graph pauses here until Approve or Reject. */
function confirm(action: string, summary: string): boolean {
  const decision = interrupt({ action, summary }) as "approve" | "reject";
  return decision === "approve";
}

/** A tool's failure goes back to the model as text, so it can explain or correct itself. */
function safely<T>(run: (input: T) => Promise<string>) {
  return async (input: T) => {
    try {
      return await run(input);
    } catch (error) {
      if (error instanceof AppError) return `Refused: ${error.message}${error.fields ? ` ${JSON.stringify(error.fields)}` : ""}`;
      throw error;
    }
  };
}

/**
 * The agents' tools. Each calls the same lib/ function as the UI, as the signed-in creator, so the same
 * ownership checks and schemas apply. Approving assets is not among them: that stays the creator's act.
 */
export function agentTools(scope: AgentScope) {
  const { ownerId, projectId } = scope;
  const cardOf = (cardId: string | undefined) => {
    const id = cardId ?? scope.cardId;
    if (!id) throw new AppError("validation_failed", "Say which card (cardId)");
    return id;
  };
  const columnByTitle = async (title: string) => {
    const board = await getBoard({ ownerId, projectId });
    const column = board.activities.find((candidate) => candidate.title.toLowerCase() === title.toLowerCase());
    if (!column)
      throw new AppError(
        "not_found",
        `No column "${title}"; the columns are: ${board.activities.map((item) => item.title).join(", ") || "none"}`,
      );
    return column;
  };

  const tools = [
    tool(
      safely(async () => {
        const board = await getBoard({ ownerId, projectId });
        if (board.activities.length === 0) return "The board is empty.";
        return board.activities
          .map(
            (column) =>
              `${column.title} [${column.taskType}] (${column.id}): ${column.cards.map((card) => `"${card.title}" (${card.id})`).join(", ") || "no cards"}`,
          )
          .join("\n");
      }),
      { name: "read_board", description: "List the board's columns and cards, in order, with their ids.", schema: z.object({}) },
    ),
    tool(
      safely(async ({ title, taskType }: { title: string; taskType: (typeof TASK_TYPES)[number] }) => {
        const activity = await createActivity({ ownerId, projectId, input: { title, taskType } });
        return `Created the ${taskType} column "${activity.title}" (${activity.id}).`;
      }),
      {
        name: "create_activity",
        description: "Add a column (an activity) of one type to the board.",
        schema: z.object({ title: safeText().min(1).max(200), taskType: z.enum(TASK_TYPES) }),
      },
    ),
    tool(
      safely(
        async ({
          columnTitle,
          title,
          prompt,
          description,
        }: {
          columnTitle: string;
          title: string;
          prompt?: string;
          description?: string;
        }) => {
          const column = await columnByTitle(columnTitle);
          const field = PROMPT_FIELD[column.taskType];
          const card = await createCard({
            ownerId,
            activityId: column.id,
            input: { title, description, generationParams: prompt ? { [field]: prompt } : undefined },
          });
          return `Created the card "${card.title}" (${card.id}) in ${column.title}.`;
        },
      ),
      {
        name: "create_card",
        description: "Add a card to a column, by the column's title, optionally with its prompt.",
        schema: z.object({
          columnTitle: safeText(),
          title: safeText().min(1).max(200),
          prompt: safeText().max(4000).optional(),
          description: safeText().max(10_000).optional(),
        }),
      },
    ),
    tool(
      safely(async ({ cardId, title, description }: { cardId?: string; title?: string; description?: string }) => {
        const card = await updateCard({ ownerId, cardId: cardOf(cardId), input: { title, description } });
        return `Updated the card "${card.title}".`;
      }),
      {
        name: "edit_card",
        description: "Rename a card or change its description.",
        schema: z.object({
          cardId: z.string().optional(),
          title: safeText().min(1).max(200).optional(),
          description: safeText().max(10_000).optional(),
        }),
      },
    ),
    tool(
      safely(async ({ cardId, columnTitle, position }: { cardId: string; columnTitle: string; position?: "top" | "bottom" }) => {
        const column = await columnByTitle(columnTitle);
        const others = column.cards.filter((card) => card.id !== cardId);
        const neighbours =
          position === "top" ? { prevId: null, nextId: others[0]?.id ?? null } : { prevId: others.at(-1)?.id ?? null, nextId: null };
        const card = await moveCard({ ownerId, cardId, input: { activityId: column.id, ...neighbours } });
        return `Moved "${card.title}" to the ${position ?? "bottom"} of ${column.title}.`;
      }),
      {
        name: "move_card",
        description: "Move a card to the top or bottom of a column, by the column's title.",
        schema: z.object({ cardId: z.string(), columnTitle: safeText(), position: z.enum(["top", "bottom"]).optional() }),
      },
    ),
    tool(
      safely(async ({ cardId, ...changes }: { cardId?: string } & Record<string, unknown>) => {
        const id = cardOf(cardId);
        const card = await getCard({ ownerId, cardId: id });
        const updated = await updateCard({
          ownerId,
          cardId: id,
          input: { generationParams: { ...(card.generationParams as Record<string, unknown>), ...changes } },
        });
        return `Set the parameters of "${updated.title}": ${JSON.stringify(updated.generationParams)}`;
      }),
      {
        name: "set_generation_params",
        description:
          "Change a card's generation parameters (prompt, negativePrompt, resolution, numImages, durationSeconds, voice, text, instructions...). They are checked by the card type's schema.",
        schema: z.object({ cardId: z.string().optional() }).catchall(z.unknown()),
      },
    ),
    tool(
      safely(async ({ cardId }: { cardId?: string }) => {
        const id = cardOf(cardId);
        const card = await getCard({ ownerId, cardId: id });
        if (!confirm("start_generation", `Generate "${card.title}" with ${JSON.stringify(card.generationParams)}`))
          return "The creator declined; nothing was generated.";
        const job = await createJob({ ownerId, cardId: id, input: {} });
        return `Started generating "${card.title}": job ${job.id} is ${job.status}.`;
      }),
      {
        name: "start_generation",
        description: "Start generating a card's media (asks the creator first).",
        schema: z.object({ cardId: z.string().optional() }),
      },
    ),
    tool(
      safely(async ({ cardId }: { cardId?: string }) => {
        const id = cardOf(cardId);
        const card = await getCard({ ownerId, cardId: id });
        if (!confirm("delete_card", `Delete the card "${card.title}"`)) return "The creator declined; the card stays.";
        await deleteCard({ ownerId, cardId: id });
        return `Deleted the card "${card.title}".`;
      }),
      { name: "delete_card", description: "Delete a card (asks the creator first).", schema: z.object({ cardId: z.string().optional() }) },
    ),
    tool(
      safely(async () => {
        const jobs = scope.cardId ? await listCardJobs({ ownerId, cardId: scope.cardId }) : await listJobsOfProject({ ownerId, projectId });
        if (jobs.length === 0) return "No jobs yet.";
        return jobs
          .slice(0, 10)
          .map((job) => `${job.id}: ${job.status} ${Math.round(job.progress * 100)}%${job.error ? ` (${job.error})` : ""}`)
          .join("\n");
      }),
      { name: "job_status", description: "The status of recent and running generation jobs.", schema: z.object({}) },
    ),
    tool(
      safely(async () => {
        const assets = await listAssets({ ownerId, projectId });
        if (assets.length === 0) return "Nothing has been approved yet.";
        return `${assets.length} approved: ${assets.map((asset) => `${asset.assetType} "${asset.title}"`).join(", ")}`;
      }),
      { name: "list_approved_assets", description: "The assets the creator approved into the project's memory.", schema: z.object({}) },
    ),
  ];
  return tools;
}
