import { describe, expect, it } from "vitest";
import { defaultGenerationParams, generationParamsSchemaFor } from "./generation-params";

describe("generation parameter schemas", () => {
  it("fills every type's defaults", () => {
    expect(defaultGenerationParams("image")).toMatchObject({ model: "local-image", resolution: "1024x1024", numImages: 1, seed: null });
    expect(defaultGenerationParams("video")).toMatchObject({ durationSeconds: 5, fps: 24, referenceAssetId: null });
    expect(defaultGenerationParams("text")).toMatchObject({ maxTokens: 1024, temperature: 0.7 });
    expect(defaultGenerationParams("audio")).toMatchObject({ voice: "en-us", speed: 1 });
  });

  it("accepts a full image request", () => {
    const parsed = generationParamsSchemaFor("image").parse({
      model: "sdxl",
      prompt: "a lighthouse at dusk",
      negativePrompt: "blurry",
      resolution: "768x512",
      guidanceScale: 6,
      numImages: 4,
      seed: 42,
    });
    expect(parsed).toMatchObject({ resolution: "768x512", numImages: 4, seed: 42 });
  });

  it.each([
    [{ numImages: 9 }, "numImages"],
    [{ numImages: 0 }, "numImages"],
    [{ numImages: 1.5 }, "numImages"],
    [{ resolution: "big" }, "resolution"],
    [{ resolution: "1000x1001" }, "resolution"],
    [{ resolution: "8192x8192" }, "resolution"],
    [{ guidanceScale: -1 }, "guidanceScale"],
    [{ prompt: "x".repeat(4001) }, "prompt"],
    [{ numimages: 2 }, ""],
  ])("rejects image params %j at %s", (input, field) => {
    const result = generationParamsSchemaFor("image").safeParse(input);
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });

  it("checks video, text and audio limits", () => {
    expect(generationParamsSchemaFor("video").safeParse({ durationSeconds: 0 }).success).toBe(false);
    expect(generationParamsSchemaFor("video").safeParse({ referenceAssetId: "nope" }).success).toBe(false);
    expect(generationParamsSchemaFor("text").safeParse({ temperature: 3 }).success).toBe(false);
    expect(generationParamsSchemaFor("audio").safeParse({ speed: 4 }).success).toBe(false);
    expect(generationParamsSchemaFor("audio").safeParse({ voice: "en-gb", text: "Hello", speed: 1.5 }).success).toBe(true);
  });

  it("does not let one type's fields into another", () => {
    expect(generationParamsSchemaFor("text").safeParse({ numImages: 2 }).success).toBe(false);
  });
});
