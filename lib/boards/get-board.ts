import "server-only";
import { selectBoardSnapshot } from "@/db/queries/board";
import { notFound } from "@/lib/errors";
import type { Board } from "./dto";

/**
 * The board as JSON text: the project with its columns in order, each with its cards in order, as of one
 * snapshot. The text is assembled from Postgres-built pieces and never parsed on the way to the client.
 */
export async function getBoardJson({ ownerId, projectId }: { ownerId: string; projectId: string }): Promise<string> {
  const snapshot = await selectBoardSnapshot({ projectId, ownerId });
  if (!snapshot) throw notFound("No such project");
  const { head, cards } = snapshot;

  // Each activity's JSON ends with "}": the cards go in just before it.
  const columns = head.activities.map((activity, index) => `${activity.json.slice(0, -1)},"cards":${cards[index]}}`);
  return `{"project":${head.project},"activities":[${columns.join(",")}]}`;
}

export async function getBoard(options: { ownerId: string; projectId: string }): Promise<Board> {
  return JSON.parse(await getBoardJson(options)) as Board;
}
