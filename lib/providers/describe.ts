import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { probeMedia, toolAvailability } from "./tools";
import { withWorkspace } from "./workspace";

/** Width, height and duration read from a generated file: sharp for images, ffprobe for video and audio. */
export async function describeFile(bytes: Uint8Array, mediaType: "image" | "video" | "audio", format: string) {
  if (mediaType === "image") {
    const metadata = await sharp(bytes)
      .metadata()
      .catch(() => undefined);
    return { width: metadata?.width ?? null, height: metadata?.height ?? null, duration: null };
  }
  if (!(await toolAvailability("ffprobe")).isAvailable) return { width: null, height: null, duration: null };
  return withWorkspace(async (dir) => {
    const file = path.join(dir, `file.${format}`);
    await fs.writeFile(file, bytes);
    const probe = await probeMedia(file).catch(() => undefined);
    return { width: probe?.width ?? null, height: probe?.height ?? null, duration: probe?.durationSeconds ?? null };
  });
}
