import "server-only";
import type { TaskType } from "@/db/types";
import { env } from "@/lib/env";
import { localAnimaticProvider } from "./local-animatic";
import { localImageProvider } from "./local-image";
import { localSpeechProvider } from "./local-speech";
import { localWriterProvider } from "./local-writer";
import { openaiImageProvider, openaiSpeechProvider } from "./openai";
import { createReplicateProvider } from "./replicate";
import { resolveProviderId } from "./resolve";
import type { Provider } from "./types";

const PROVIDERS: Array<[TaskType, Provider]> = [
  ["image", localImageProvider],
  ["video", localAnimaticProvider],
  ["text", localWriterProvider],
  ["audio", localSpeechProvider],
  ["image", openaiImageProvider],
  ["audio", openaiSpeechProvider],
  ["image", createReplicateProvider("image")],
  ["video", createReplicateProvider("video")],
  ["audio", createReplicateProvider("audio")],
];

/** The generator for a card of this type and model, if one serves it. */
export function providerFor(taskType: TaskType, model: string): Provider | undefined {
  const id = resolveProviderId(taskType, model);
  return PROVIDERS.find(([, provider]) => provider.id === id)?.[1];
}

export function providerById(id: string): Provider | undefined {
  return PROVIDERS.find(([, provider]) => provider.id === id)?.[1];
}

/**
 * The model a new card of this type starts with: a real AI provider's when its key is set, so that the
 * same Generate button uses it; the built-in local generator's otherwise.
 */
export function defaultModelFor(taskType: TaskType): string | undefined {
  if (env.OPENAI_API_KEY && taskType === "image") return "openai/gpt-image-1";
  if (env.OPENAI_API_KEY && taskType === "audio") return "openai/gpt-4o-mini-tts";
  return undefined;
}

export type ProviderStatus = { taskType: TaskType; id: string; label: string; isAvailable: boolean; reason: string | null };

/** Every generator and whether it can run here, for the UI and the API. */
export async function providerStatuses(): Promise<ProviderStatus[]> {
  return Promise.all(
    PROVIDERS.map(async ([taskType, provider]) => {
      const availability = await provider.availability();
      return {
        taskType,
        id: provider.id,
        label: provider.label,
        isAvailable: availability.isAvailable,
        reason: availability.isAvailable ? null : availability.reason,
      };
    }),
  );
}
