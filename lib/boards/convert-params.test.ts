import { describe, expect, it } from "vitest";
import { generationParamsSchemaFor } from "@/lib/validations/generation-params";
import { convertGenerationParams } from "./convert-params";

describe("converting a card's parameters to another column type", () => {
  it("carries the prompt into the new type's prompt field and resets the rest to valid defaults", () => {
    const image = generationParamsSchemaFor("image").parse({ prompt: "a keeper at the lamp", resolution: "512x512", numImages: 4 });
    const { params, conversion } = convertGenerationParams({ from: "image", to: "audio", params: image });
    expect(params).toMatchObject({ model: "local-speech", text: "a keeper at the lamp", voice: "en-us" });
    expect(generationParamsSchemaFor("audio").safeParse(params).success).toBe(true);
    expect(conversion).toEqual({ from: "image", to: "audio", kept: ["text"] });

    const video = convertGenerationParams({
      from: "text",
      to: "video",
      params: generationParamsSchemaFor("text").parse({ instructions: "fog rolls in" }),
    });
    expect(video.params).toMatchObject({ model: "local-animatic", prompt: "fog rolls in", durationSeconds: 5, fps: 24 });
    expect(generationParamsSchemaFor("video").safeParse(video.params).success).toBe(true);
  });

  it("keeps nothing when there was no prompt", () => {
    const { params, conversion } = convertGenerationParams({
      from: "video",
      to: "image",
      params: generationParamsSchemaFor("video").parse({}),
    });
    expect(params).toMatchObject({ model: "local-image", prompt: "" });
    expect(conversion.kept).toEqual([]);
  });
});

describe("a card's prompt, whatever its type calls it", () => {
  it("is read from prompt, instructions or text, and is empty otherwise", async () => {
    const { promptOf } = await import("@/lib/validations/generation-params");
    expect(promptOf({ prompt: "a gull" })).toBe("a gull");
    expect(promptOf({ instructions: "write a scene" })).toBe("write a scene");
    expect(promptOf({ text: "say this" })).toBe("say this");
    expect(promptOf({ model: "local-image" })).toBe("");
    expect(promptOf(null)).toBe("");
  });
});
