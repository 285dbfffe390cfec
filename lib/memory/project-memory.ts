import "server-only";
import { listAssets } from "@/lib/assets/assets";
import { getBoard } from "@/lib/boards/get-board";
import { listJobsOfProject } from "@/lib/jobs/jobs";
import { renderMemory, truncate } from "./render";
import { promptOf } from "@/lib/validations/generation-params";

const DEFAULT_BUDGET = 6000;

/**
 * What the project agent knows before each turn (seed 002 project memory): the project and its brief,
 * the columns with their cards, the approved assets, the recent jobs; rendered within a budget, the
 * most recently changed first, with a count of whatever did not fit.
 */
export async function projectMemory({
  ownerId,
  projectId,
  budgetChars = DEFAULT_BUDGET,
}: {
  ownerId: string;
  projectId: string;
  budgetChars?: number;
}): Promise<string> {
  const [board, assets, jobs] = await Promise.all([
    getBoard({ ownerId, projectId }),
    listAssets({ ownerId, projectId }),
    listJobsOfProject({ ownerId, projectId }),
  ]);
  const { project } = board;
  const brief = Object.entries(project.brief).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`);
  const cards = board.activities
    .flatMap((column) => column.cards.map((card) => ({ card, column })))
    .sort((a, b) => b.card.updatedAt.localeCompare(a.card.updatedAt));
  const cardTitles = new Map(cards.map(({ card }) => [card.id, card.title]));

  return renderMemory(
    [
      {
        heading: "Project",
        noun: "facts",
        lines: [
          `id: ${project.id}`,
          `title: ${project.title}`,
          `status: ${project.status}`,
          ...(project.description ? [`description: ${truncate(project.description, 400)}`] : []),
          ...brief,
        ],
      },
      {
        heading: "Columns (board order)",
        noun: "columns",
        lines: board.activities.map((column) => `- ${column.title} [${column.taskType}] id=${column.id}, ${column.cards.length} cards`),
      },
      {
        heading: "Cards (most recently changed first)",
        noun: "cards",
        lines: cards.map(({ card, column }) => {
          const prompt = promptOf(card.generationParams);
          return `- "${card.title}" in ${column.title} id=${card.id}${prompt ? `: ${truncate(prompt, 100)}` : ""}`;
        }),
      },
      {
        heading: "Approved assets (newest first)",
        noun: "assets",
        lines: assets.map(
          (asset) =>
            `- ${asset.assetType} "${asset.title}"${asset.cardTitle ? ` from "${asset.cardTitle}"` : ""}${asset.prompt ? `: ${truncate(asset.prompt, 80)}` : ""}`,
        ),
      },
      {
        heading: "Recent and active jobs",
        noun: "jobs",
        lines: [...jobs]
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .map(
            (job) =>
              `- ${job.status} ${Math.round(job.progress * 100)}% for "${(job.cardId && cardTitles.get(job.cardId)) ?? "a deleted card"}" id=${job.id}${job.error ? ` error: ${truncate(job.error, 80)}` : ""}`,
          ),
      },
    ],
    budgetChars,
  );
}
