import { listAssets } from "@/lib/assets/assets";
import { parseOrThrow } from "@/lib/errors";
import { authedRoute, json } from "@/lib/http/route";
import { assetFilterSchema } from "@/lib/validations/asset";

export const GET = authedRoute<{ projectId: string }>(async ({ request, params, user }) => {
  const { type } = parseOrThrow(assetFilterSchema, Object.fromEntries(new URL(request.url).searchParams));
  return json({ assets: await listAssets({ ownerId: user.id, projectId: params.projectId, assetType: type }) });
});
