import { describe, expect, it } from "vitest";
import { resolveProviderId } from "./resolve";

describe("choosing a generator from the card's model", () => {
  it.each([
    ["image", "local-image", "local-image"],
    ["video", "local-animatic", "local-animatic"],
    ["audio", "local-speech", "local-speech"],
    ["text", "local-writer", "local-writer"],
    ["image", "openai/gpt-image-1", "openai-image"],
    ["audio", "openai/gpt-4o-mini-tts", "openai-speech"],
    ["video", "replicate/minimax/video-01", "replicate-video"],
    ["image", "replicate/black-forest-labs/flux-schnell:abc123", "replicate-image"],
  ] as const)("%s card with model %s runs on %s", (taskType, model, id) => {
    expect(resolveProviderId(taskType, model)).toBe(id);
  });

  it.each([
    ["text", "openai/gpt-4o"],
    ["video", "openai/sora"],
    ["text", "replicate/meta/llama"],
    ["image", "dall-e-3"],
  ] as const)("has no generator for a %s card with model %s", (taskType, model) => {
    expect(resolveProviderId(taskType, model)).toBeUndefined();
  });
});
