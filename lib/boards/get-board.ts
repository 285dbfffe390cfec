import "server-only";
import { listActivities } from "@/db/queries/activities";
import { listCardsOfProject } from "@/db/queries/cards";
import { getProject } from "./projects";
import { type Board, type BoardColumn, toActivity, toCard } from "./dto";

/** The project with its columns in order, each with its cards in order. */
export async function getBoard({ ownerId, projectId }: { ownerId: string; projectId: string }): Promise<Board> {
  const project = await getProject({ ownerId, projectId });
  const [activityRows, cardRows] = await Promise.all([listActivities({ projectId }), listCardsOfProject({ projectId })]);

  const columns = new Map<string, BoardColumn>();
  for (const row of activityRows) columns.set(row.id, { ...toActivity(row), cards: [] });
  for (const row of cardRows) columns.get(row.activity_id)?.cards.push(toCard(row));

  return { project, activities: [...columns.values()] };
}
