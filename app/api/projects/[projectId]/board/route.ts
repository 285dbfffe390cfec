import { getBoard } from "@/lib/boards/get-board";
import { authedRoute, json } from "@/lib/http/route";

export const GET = authedRoute<{ projectId: string }>(async ({ params, user }) => {
  return json(await getBoard({ ownerId: user.id, projectId: params.projectId }));
});
