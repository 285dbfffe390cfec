import { unapproveAsset } from "@/lib/assets/assets";
import { assertSameOrigin, authedRoute, json } from "@/lib/http/route";

export const DELETE = authedRoute<{ assetId: string }>(async ({ request, params, user }) => {
  assertSameOrigin(request);
  return json({ asset: await unapproveAsset({ ownerId: user.id, assetId: params.assetId }) });
});
