import "server-only";
import { selectBoardHeadJson, selectCardsJson } from "@/db/queries/board";
import { notFound } from "@/lib/errors";
import type { Board } from "./dto";

/** Columns whose cards are read at once: Postgres builds their JSON on another core while Node waits. */
const PARALLEL_COLUMNS = 3;

/**
 * The board as JSON text: the project with its columns in order, each with its cards in order. The text is
 * assembled from Postgres-built pieces and never parsed on the way to the client.
 */
export async function getBoardJson({ ownerId, projectId }: { ownerId: string; projectId: string }): Promise<string> {
  const head = await selectBoardHeadJson({ projectId, ownerId });
  if (!head) throw notFound("No such project");

  const cards = new Array<string>(head.activities.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < head.activities.length; index = next++) {
      cards[index] = await selectCardsJson({ activityId: head.activities[index]!.id });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_COLUMNS, head.activities.length) }, worker));

  // Each activity's JSON ends with "}": the cards go in just before it.
  const columns = head.activities.map((activity, index) => `${activity.json.slice(0, -1)},"cards":${cards[index]}}`);
  return `{"project":${head.project},"activities":[${columns.join(",")}]}`;
}

export async function getBoard(options: { ownerId: string; projectId: string }): Promise<Board> {
  return JSON.parse(await getBoardJson(options)) as Board;
}
