import "server-only";
import { NonRetriableError } from "inngest";
import sharp from "sharp";
import { env } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import type { AudioParams, ImageParams } from "@/lib/validations/generation-params";
import { callProvider, readProviderJson } from "./http";
import type { Provider } from "./types";

const NAME = "OpenAI";

/** "openai/gpt-image-1" -> "gpt-image-1". */
export function openaiModel(model: string): string {
  return model.replace(/^openai\//, "");
}

function headers() {
  return { authorization: `Bearer ${env.OPENAI_API_KEY}`, "content-type": "application/json" };
}

async function availability() {
  return env.OPENAI_API_KEY ? ({ isAvailable: true } as const) : ({ isAvailable: false, reason: "OPENAI_API_KEY is not set" } as const);
}

/** OpenAI-compatible image generation (`POST /images/generations`, base64 results). */
export const openaiImageProvider: Provider = {
  id: "openai-image",
  label: "OpenAI images",
  availability,

  async submit() {
    return { externalId: "{}", pollMs: 0, estimatedSeconds: 20 };
  },

  async poll({ jobId, projectId, params, signal, onProgress }) {
    const image = params as ImageParams;
    await onProgress(0.1, "waiting for OpenAI");
    const response = await callProvider(NAME, `${env.OPENAI_BASE_URL}/images/generations`, {
      method: "POST",
      headers: headers(),
      signal,
      body: JSON.stringify({
        model: openaiModel(image.model),
        prompt: image.prompt,
        n: image.numImages,
        size: image.resolution,
        response_format: "b64_json",
      }),
    });
    const body = await readProviderJson<{ data?: Array<{ b64_json?: string }> }>(NAME, response);
    const images = body.data?.map((item) => item.b64_json).filter((value): value is string => typeof value === "string") ?? [];
    if (images.length === 0) throw new NonRetriableError(`${NAME} sent no image`);

    const files = [];
    for (const [n, base64] of images.entries()) {
      const bytes = Buffer.from(base64, "base64");
      const metadata = await sharp(bytes)
        .metadata()
        .catch(() => {
          throw new NonRetriableError(`${NAME} sent an image that cannot be read`);
        });
      const format = metadata.format ?? "png";
      const storageKey = `projects/${projectId}/image/${jobId}/${n}.${format}`;
      await getStorage().put(storageKey, bytes, `image/${format}`);
      files.push({
        storageKey,
        mime: `image/${format}`,
        format,
        fileSize: bytes.byteLength,
        width: metadata.width ?? null,
        height: metadata.height ?? null,
        duration: null,
      });
    }
    return { status: "done", files };
  },
};

/** OpenAI-compatible speech (`POST /audio/speech`, WAV). */
export const openaiSpeechProvider: Provider = {
  id: "openai-speech",
  label: "OpenAI speech",
  availability,

  async submit() {
    return { externalId: "{}", pollMs: 0, estimatedSeconds: 5 };
  },

  async poll({ jobId, projectId, params, signal, onProgress }) {
    const audio = params as AudioParams;
    await onProgress(0.1, "waiting for OpenAI");
    const response = await callProvider(NAME, `${env.OPENAI_BASE_URL}/audio/speech`, {
      method: "POST",
      headers: headers(),
      signal,
      body: JSON.stringify({
        model: openaiModel(audio.model),
        input: audio.text,
        voice: audio.voice,
        speed: audio.speed,
        response_format: "wav",
      }),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength < 44 || new TextDecoder().decode(bytes.slice(0, 4)) !== "RIFF")
      throw new NonRetriableError(`${NAME} sent something that is not WAV audio`);
    const storageKey = `projects/${projectId}/audio/${jobId}/0.wav`;
    await getStorage().put(storageKey, bytes, "audio/wav");
    // WAV header: byte rate at offset 28; the rest after the 44-byte header is sound.
    const byteRate = new DataView(bytes.buffer, bytes.byteOffset).getUint32(28, true);
    return {
      status: "done",
      files: [
        {
          storageKey,
          mime: "audio/wav",
          format: "wav",
          fileSize: bytes.byteLength,
          width: null,
          height: null,
          duration: byteRate ? (bytes.byteLength - 44) / byteRate : null,
        },
      ],
    };
  },
};
