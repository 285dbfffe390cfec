import { approveMedia } from "@/lib/assets/assets";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { approveMediaSchema } from "@/lib/validations/asset";

export const POST = authedRoute<{ mediaId: string }>(async ({ request, params, user }) => {
  const input = await readJson(request, approveMediaSchema);
  const { asset, isNew } = await approveMedia({ ownerId: user.id, mediaId: params.mediaId, input });
  return json({ asset }, isNew ? 201 : 200);
});
