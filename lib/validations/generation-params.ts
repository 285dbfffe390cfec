import { z } from "zod";
import { safeText } from "./text";

export const TASK_TYPES = ["image", "video", "text", "audio"] as const;
export const taskTypeSchema = z.enum(TASK_TYPES);
export type TaskTypeName = z.infer<typeof taskTypeSchema>;

const MAX_PROMPT = 4000;

/** "1024x1024": width and height in pixels, each 64-4096 and a multiple of 8 (what image models accept). */
export const resolutionSchema = z
  .string()
  .trim()
  .regex(/^\d{2,4}x\d{2,4}$/, "Use WIDTHxHEIGHT, for example 1024x1024")
  .refine((value) => {
    const [width, height] = value.split("x").map(Number) as [number, number];
    return [width, height].every((side) => side >= 64 && side <= 4096 && side % 8 === 0);
  }, "Each side must be 64-4096 pixels and a multiple of 8");

const model = safeText().trim().min(1, "Choose a model").max(200);
const prompt = safeText().max(MAX_PROMPT, `At most ${MAX_PROMPT} characters`);

export const imageParamsSchema = z.object({
  model: model.default("local-image"),
  prompt: prompt.default(""),
  negativePrompt: prompt.default(""),
  resolution: resolutionSchema.default("1024x1024"),
  guidanceScale: z.number("A number").min(0, "At least 0").max(30, "At most 30").default(7.5),
  numImages: z.number().int("Whole number").min(1, "At least 1").max(8, "At most 8").default(1),
  seed: z
    .number("A number")
    .int("Whole number")
    .min(0, "At least 0")
    .max(2 ** 32 - 1, "At most 4294967295")
    .nullable()
    .default(null),
});

export const videoParamsSchema = z.object({
  model: model.default("local-animatic"),
  prompt: prompt.default(""),
  durationSeconds: z.number().min(1, "At least 1 second").max(120, "At most 120 seconds").default(5),
  fps: z.number().int("Whole number").min(1, "At least 1").max(60, "At most 60").default(24),
  resolution: resolutionSchema.default("1280x720"),
  referenceAssetId: z.uuid("Not an asset id").nullable().default(null),
  /** Spoken over the animatic when set. */
  narration: safeText().max(4000, "At most 4000 characters").default(""),
});

export const textParamsSchema = z.object({
  model: model.default("local-writer"),
  instructions: prompt.default(""),
  maxTokens: z.number("A number").int("Whole number").min(1, "At least 1").max(32_000, "At most 32000").default(1024),
  temperature: z.number("A number").min(0, "At least 0").max(2, "At most 2").default(0.7),
});

export const audioParamsSchema = z.object({
  model: model.default("local-speech"),
  voice: safeText().trim().min(1, "Choose a voice").max(100).default("en-us"),
  text: prompt.default(""),
  speed: z.number().min(0.5, "At least 0.5").max(2, "At most 2").default(1),
});

export const generationParamsSchemas = {
  image: imageParamsSchema,
  video: videoParamsSchema,
  text: textParamsSchema,
  audio: audioParamsSchema,
} as const;

export type ImageParams = z.infer<typeof imageParamsSchema>;
export type VideoParams = z.infer<typeof videoParamsSchema>;
export type TextParams = z.infer<typeof textParamsSchema>;
export type AudioParams = z.infer<typeof audioParamsSchema>;
export type GenerationParams = ImageParams | VideoParams | TextParams | AudioParams;

/** Validates parameters for a card of the given type; strict, so a misspelt key is an error, not lost. */
export function generationParamsSchemaFor(taskType: TaskTypeName) {
  return generationParamsSchemas[taskType].strict();
}

export function defaultGenerationParams(taskType: TaskTypeName): GenerationParams {
  return generationParamsSchemas[taskType].parse({});
}

/** The parameter that holds what a card of this type generates from: its prompt, in the creator's words. */
export const PROMPT_FIELD: Record<TaskTypeName, "prompt" | "instructions" | "text"> = {
  image: "prompt",
  video: "prompt",
  text: "instructions",
  audio: "text",
};

/** A card's prompt whatever its type calls it ("" when it has none); the one place that knows the names. */
export function promptOf(params: unknown): string {
  const value = (params ?? {}) as Record<string, unknown>;
  for (const field of new Set(Object.values(PROMPT_FIELD))) if (typeof value[field] === "string") return value[field];
  return "";
}
