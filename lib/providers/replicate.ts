import "server-only";
import { NonRetriableError } from "inngest";
import { env } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import { type GenerationParams, promptOf } from "@/lib/validations/generation-params";
import { describeFile } from "./describe";
import { callProvider, readProviderJson } from "./http";
import type { Provider, StoredFile } from "./types";

const NAME = "Replicate";

type Prediction = { id?: string; status?: string; output?: unknown; error?: string | null; logs?: string };

const MIME: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  mp4: "video/mp4",
  webm: "video/webm",
  wav: "audio/wav",
  mp3: "audio/mpeg",
};

function headers() {
  return { authorization: `Bearer ${env.REPLICATE_API_TOKEN}`, "content-type": "application/json" };
}

/** "replicate/owner/name" or "replicate/owner/name:version" -> the model path and its version, if any. */
export function replicateModel(model: string): { path: string; version: string | null } {
  const [path, version] = model.replace(/^replicate\//, "").split(":") as [string, string | undefined];
  return { path, version: version ?? null };
}

/** The card's parameters as a Replicate model's usual inputs. */
function inputOf(params: GenerationParams): Record<string, unknown> {
  const value = params as Record<string, unknown>;
  const input: Record<string, unknown> = { prompt: promptOf(params) };
  if (typeof value.resolution === "string") [input.width, input.height] = value.resolution.split("x").map(Number);
  if (value.numImages) input.num_outputs = value.numImages;
  if (value.negativePrompt) input.negative_prompt = value.negativePrompt;
  if (value.seed !== null && value.seed !== undefined) input.seed = value.seed;
  if (value.durationSeconds) input.duration = value.durationSeconds;
  if (value.fps) input.fps = value.fps;
  return input;
}

/**
 * Replicate predictions for image, video and audio models: submit once, then poll between durable
 * sleeps (the run holds no worker while Replicate works), then download the outputs into storage.
 */
export function createReplicateProvider(mediaType: "image" | "video" | "audio"): Provider {
  return {
    id: `replicate-${mediaType}`,
    label: `Replicate ${mediaType}`,
    availability: async () =>
      env.REPLICATE_API_TOKEN ? { isAvailable: true } : { isAvailable: false, reason: "REPLICATE_API_TOKEN is not set" },

    async submit({ params }) {
      const { path, version } = replicateModel((params as { model: string }).model);
      const url = version ? `${env.REPLICATE_BASE_URL}/predictions` : `${env.REPLICATE_BASE_URL}/models/${path}/predictions`;
      const response = await callProvider(NAME, url, {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ ...(version && { version }), input: inputOf(params) }),
      });
      const prediction = await readProviderJson<Prediction>(NAME, response);
      if (!prediction.id) throw new NonRetriableError(`${NAME} did not return a prediction id`);
      return { externalId: prediction.id, pollMs: 2000, estimatedSeconds: mediaType === "video" ? 120 : 20 };
    },

    async poll({ jobId, projectId, externalId, signal }) {
      const response = await callProvider(NAME, `${env.REPLICATE_BASE_URL}/predictions/${encodeURIComponent(externalId)}`, {
        headers: headers(),
        signal,
      });
      const prediction = await readProviderJson<Prediction>(NAME, response);
      if (prediction.status === "failed" || prediction.status === "canceled") {
        throw new NonRetriableError(`${NAME} prediction ${prediction.status}: ${prediction.error ?? "no reason given"}`);
      }
      if (prediction.status !== "succeeded") {
        const percent = /(\d+)%/.exec(
          prediction.logs
            ?.split("\n")
            .reverse()
            .find((line) => /\d+%/.test(line)) ?? "",
        )?.[1];
        return { status: "running", progress: percent ? Number(percent) / 100 : 0.3, step: prediction.status ?? "waiting" };
      }

      const outputs = (Array.isArray(prediction.output) ? prediction.output : [prediction.output]).filter(
        (item): item is string => typeof item === "string",
      );
      if (outputs.length === 0) throw new NonRetriableError(`${NAME} finished without any output`);
      const files: StoredFile[] = [];
      for (const [n, url] of outputs.entries()) {
        const download = await callProvider(NAME, url, { signal });
        const bytes = new Uint8Array(await download.arrayBuffer());
        const format =
          /\.(\w+)(?:\?|$)/.exec(url)?.[1]?.toLowerCase() ?? (mediaType === "image" ? "png" : mediaType === "video" ? "mp4" : "wav");
        const mime = MIME[format] ?? download.headers.get("content-type") ?? "application/octet-stream";
        const storageKey = `projects/${projectId}/${mediaType}/${jobId}/${n}.${format}`;
        await getStorage().put(storageKey, bytes, mime);
        files.push({ storageKey, mime, format, fileSize: bytes.byteLength, ...(await describeFile(bytes, mediaType, format)) });
      }
      return { status: "done", files };
    },
  };
}
