import "server-only";
import type { TaskType } from "@/db/types";
import { localImageProvider } from "./local-image";
import type { Provider } from "./types";

/** The provider for a card type, or undefined while that type has no generator. */
export function providerFor(taskType: TaskType): Provider | undefined {
  return taskType === "image" ? localImageProvider : undefined;
}

export function providerById(id: string): Provider | undefined {
  return [localImageProvider].find((provider) => provider.id === id);
}
