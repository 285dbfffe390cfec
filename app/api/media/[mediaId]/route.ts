import { authedRoute } from "@/lib/http/route";
import { mediaResponse } from "@/lib/media/read-media";

export const runtime = "nodejs";

export const GET = authedRoute<{ mediaId: string }>(async ({ request, params, user }) => {
  return mediaResponse({ ownerId: user.id, mediaId: params.mediaId, range: request.headers.get("range") });
});
