import "server-only";
import { NonRetriableError } from "inngest";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { findAssetMediaInProject } from "@/db/queries/assets";
import { getStorage } from "@/lib/storage";
import type { VideoParams } from "@/lib/validations/generation-params";
import { renderSvg } from "./local-image";
import { speak } from "./local-speech";
import { probeMedia, runTool, toolAvailability } from "./tools";
import type { Provider } from "./types";
import { withWorkspace } from "./workspace";

/**
 * The ffmpeg animatic: a slow push-in (pan and zoom) over the card's reference image, or over a frame
 * rendered from the prompt, at the card's duration, frame rate and resolution, with the narration
 * spoken by espeak-ng when there is one. H.264 in MP4, ready to stream.
 */
export const localAnimaticProvider: Provider = {
  id: "local-animatic",
  label: "ffmpeg animatic",

  async availability() {
    for (const tool of ["ffmpeg", "ffprobe"] as const) {
      const availability = await toolAvailability(tool);
      if (!availability.isAvailable) return availability;
    }
    return { isAvailable: true };
  },

  async submit({ params }) {
    return { externalId: "{}", pollMs: 0, estimatedSeconds: Math.max(2, (params as VideoParams).durationSeconds * 0.6) };
  },

  async poll({ jobId, projectId, params, signal, onProgress }) {
    const video = params as VideoParams;
    const [width, height] = video.resolution.split("x").map(Number) as [number, number];
    const frames = Math.max(1, Math.round(video.durationSeconds * video.fps));

    return withWorkspace(async (dir) => {
      await onProgress(0.05, "preparing the frame");
      const still = path.join(dir, "still.png");
      // Twice the output size, so the push-in never upsamples.
      await sharp(await referenceImage({ projectId, video, width, height }))
        .resize(width * 2, height * 2, { fit: "cover" })
        .png()
        .toFile(still);

      const inputs = ["-loop", "1", "-framerate", String(video.fps), "-i", still];
      if (video.narration.trim()) {
        await onProgress(0.1, "recording the narration");
        const speech = path.join(dir, "narration.wav");
        await speak({ text: video.narration, voice: "en-us", speed: 1, file: speech, signal });
        inputs.push("-i", speech);
      }
      const output = path.join(dir, "animatic.mp4");
      const zoom = `zoompan=z='min(zoom+${(0.25 / frames).toFixed(6)},1.25)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=${width}x${height}:fps=${video.fps}`;
      const audio = inputs.length > 6 ? ["-map", "0:v", "-map", "1:a", "-c:a", "aac", "-af", "apad"] : [];
      await runTool(
        "ffmpeg",
        [
          "-y",
          "-nostats",
          "-progress",
          "pipe:1",
          ...inputs,
          "-vf",
          zoom,
          ...audio,
          "-t",
          String(video.durationSeconds),
          "-c:v",
          "libx264",
          "-preset",
          "veryfast",
          "-pix_fmt",
          "yuv420p",
          "-movflags",
          "+faststart",
          output,
        ],
        {
          signal,
          onStdout: (chunk) => {
            const match = /out_time_us=(\d+)/.exec(chunk);
            if (match) void onProgress(0.15 + 0.8 * Math.min(1, Number(match[1]) / (video.durationSeconds * 1e6)), "rendering");
          },
        },
      );

      const probe = await probeMedia(output);
      const bytes = await fs.readFile(output);
      const storageKey = `projects/${projectId}/video/${jobId}/0.mp4`;
      await getStorage().put(storageKey, bytes, "video/mp4");
      return {
        status: "done",
        files: [
          {
            storageKey,
            mime: "video/mp4",
            format: "mp4",
            fileSize: bytes.byteLength,
            width: probe.width,
            height: probe.height,
            duration: probe.durationSeconds,
          },
        ],
      };
    });
  },
};

async function referenceImage({
  projectId,
  video,
  width,
  height,
}: {
  projectId: string;
  video: VideoParams;
  width: number;
  height: number;
}): Promise<Buffer> {
  if (video.referenceAssetId) {
    const media = await findAssetMediaInProject({ assetId: video.referenceAssetId, projectId });
    if (!media || media.media_type !== "image") throw new NonRetriableError("The reference asset is not an approved image of this project");
    return Buffer.from(await new Response(await getStorage().read(media.storage_key)).arrayBuffer());
  }
  return Buffer.from(renderSvg({ prompt: video.prompt, width, height, seed: video.prompt }));
}
