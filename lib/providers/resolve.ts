import type { TaskTypeName } from "@/lib/validations/generation-params";

/**
 * Which generator a card's model names: "local-..." the built-in one for the card's type,
 * "openai/<model>" OpenAI or a compatible API (images, speech), "replicate/<owner>/<name>[:version]"
 * Replicate (images, video, audio). Undefined for a model no generator serves.
 */
export function resolveProviderId(taskType: TaskTypeName, model: string): string | undefined {
  if (model.startsWith("openai/")) return taskType === "image" ? "openai-image" : taskType === "audio" ? "openai-speech" : undefined;
  if (model.startsWith("replicate/")) return taskType === "text" ? undefined : `replicate-${taskType}`;
  if (model.startsWith("local"))
    return { image: "local-image", video: "local-animatic", text: "local-writer", audio: "local-speech" }[taskType];
  return undefined;
}
