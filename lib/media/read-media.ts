import "server-only";
import { findMediaForOwner } from "@/db/queries/jobs";
import { AppError, notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage";

/**
 * A media file's bytes for its owner, honouring a single HTTP Range (video seeking): 200 with the whole
 * file, 206 with the range, 416 for a range outside the file.
 */
export async function mediaResponse({
  ownerId,
  mediaId,
  range,
}: {
  ownerId: string;
  mediaId: string;
  range: string | null;
}): Promise<Response> {
  const media = await findMediaForOwner({ mediaId, ownerId });
  if (!media) throw notFound("No such media");
  const storage = getStorage();
  const stat = await storage.stat(media.storage_key);
  if (!stat) throw new AppError("not_found", "The file of this media is missing from storage");

  const headers = {
    "content-type": media.mime,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=3600",
    "x-content-type-options": "nosniff",
    // SVG may carry script: shown as an image it cannot run, opened directly it must not either.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
  if (!match || (match[1] === "" && match[2] === "")) {
    return new Response(await storage.read(media.storage_key), { headers: { ...headers, "content-length": String(stat.size) } });
  }

  const start = match[1] === "" ? Math.max(0, stat.size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? stat.size - 1 : Math.min(Number(match[2]), stat.size - 1);
  if (start > end || start >= stat.size) {
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${stat.size}` } });
  }
  return new Response(await storage.read(media.storage_key, { start, end }), {
    status: 206,
    headers: { ...headers, "content-length": String(end - start + 1), "content-range": `bytes ${start}-${end}/${stat.size}` },
  });
}
