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

    const video = convertGenerationParams({ from: "text", to: "video", params: generationParamsSchemaFor("text").parse({ instructions: "fog rolls in" }) });
    expect(video.params).toMatchObject({ model: "local-animatic", prompt: "fog rolls in", durationSeconds: 5, fps: 24 });
    expect(generationParamsSchemaFor("video").safeParse(video.params).success).toBe(true);
  });

  it("keeps nothing when there was no prompt", () => {
    const { params, conversion } = convertGenerationParams({ from: "video", to: "image", params: generationParamsSchemaFor("video").parse({}) });
    expect(params).toMatchObject({ model: "local-image", prompt: "" });
    expect(conversion.kept).toEqual([]);
  });
});
