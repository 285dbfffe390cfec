import "server-only";
import { findActivityForOwner } from "@/db/queries/activities";
import { listAssets } from "@/lib/assets/assets";
import { getCard } from "@/lib/boards/cards";
import { getBoard } from "@/lib/boards/get-board";
import { listCardJobs } from "@/lib/jobs/jobs";
import { renderMemory, truncate } from "./render";

const DEFAULT_BUDGET = 4000;

/**
 * What a card's agent knows before each turn (seed 002 card memory): the card and its parameters, its
 * column's type, its jobs and their results, the assets approved from it, and the project's brief.
 */
export async function cardMemory({
  ownerId,
  cardId,
  budgetChars = DEFAULT_BUDGET,
}: {
  ownerId: string;
  cardId: string;
  budgetChars?: number;
}): Promise<string> {
  const card = await getCard({ ownerId, cardId });
  const [jobs, board] = await Promise.all([listCardJobs({ ownerId, cardId }), findBoardOf(ownerId, card.activityId)]);
  const column = board.activities.find((candidate) => candidate.id === card.activityId)!;
  const assets = (await listAssets({ ownerId, projectId: board.project.id })).filter((asset) => asset.cardId === cardId);

  return renderMemory(
    [
      {
        heading: "Card",
        noun: "facts",
        lines: [
          `id: ${card.id}`,
          `title: ${card.title}`,
          `type: ${column.taskType} (column "${column.title}")`,
          ...(card.description ? [`description: ${truncate(card.description, 300)}`] : []),
          `generation parameters: ${JSON.stringify(card.generationParams)}`,
        ],
      },
      {
        heading: "Jobs of this card (newest first)",
        noun: "jobs",
        lines: jobs.map(
          (job) =>
            `- ${job.status} ${job.createdAt.slice(0, 16)} id=${job.id}, ${job.media.length} results${job.error ? `, error: ${truncate(job.error, 100)}` : ""}; params ${truncate(JSON.stringify(job.params), 160)}`,
        ),
      },
      { heading: "Approved from this card", noun: "assets", lines: assets.map((asset) => `- "${asset.title}" (media ${asset.mediaId})`) },
      {
        heading: "Project brief",
        noun: "facts",
        lines: [
          `title: ${board.project.title}`,
          ...Object.entries(board.project.brief).map(
            ([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`,
          ),
        ],
      },
    ],
    budgetChars,
  );
}

async function findBoardOf(ownerId: string, activityId: string) {
  const activity = await findActivityForOwner({ activityId, ownerId });
  if (!activity) throw new Error("The card's column is gone");
  return getBoard({ ownerId, projectId: activity.project_id });
}
