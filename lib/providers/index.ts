import "server-only";
import type { TaskType } from "@/db/types";
import { localAnimaticProvider } from "./local-animatic";
import { localImageProvider } from "./local-image";
import { localSpeechProvider } from "./local-speech";
import { localWriterProvider } from "./local-writer";
import type { Provider } from "./types";

const BY_TYPE: Record<TaskType, Provider> = {
  image: localImageProvider,
  video: localAnimaticProvider,
  text: localWriterProvider,
  audio: localSpeechProvider,
};

/** The generator for a card type. */
export function providerFor(taskType: TaskType): Provider {
  return BY_TYPE[taskType];
}

export function providerById(id: string): Provider | undefined {
  return Object.values(BY_TYPE).find((provider) => provider.id === id);
}

export type ProviderStatus = { taskType: TaskType; id: string; label: string; isAvailable: boolean; reason: string | null };

/** Every card type's generator and whether it can run here, for the UI and the API. */
export async function providerStatuses(): Promise<ProviderStatus[]> {
  return Promise.all(
    (Object.entries(BY_TYPE) as Array<[TaskType, Provider]>).map(async ([taskType, provider]) => {
      const availability = await provider.availability();
      return { taskType, id: provider.id, label: provider.label, isAvailable: availability.isAvailable, reason: availability.isAvailable ? null : availability.reason };
    }),
  );
}
