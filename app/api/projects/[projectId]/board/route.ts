import { getBoardJson } from "@/lib/boards/get-board";
import { authedRoute } from "@/lib/http/route";

export const GET = authedRoute<{ projectId: string }>(async ({ params, user }) => {
  const json = await getBoardJson({ ownerId: user.id, projectId: params.projectId });
  return new Response(json, { headers: { "content-type": "application/json" } });
});
