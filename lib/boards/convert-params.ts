import { defaultGenerationParams, type GenerationParams, PROMPT_FIELD, type TaskTypeName } from "@/lib/validations/generation-params";

export type ParamsConversion = { from: TaskTypeName; to: TaskTypeName; kept: string[] };

/**
 * A card's parameters for a column of another type: the prompt (whatever the old type called it) carries
 * over into the new type's prompt field; everything else (model, resolution, voice...) starts from the new
 * type's defaults, since the old values mean nothing there.
 */
export function convertGenerationParams({ from, to, params }: { from: TaskTypeName; to: TaskTypeName; params: Record<string, unknown> }): {
  params: GenerationParams;
  conversion: ParamsConversion;
} {
  const prompt = params[PROMPT_FIELD[from]];
  const converted = { ...defaultGenerationParams(to) } as Record<string, unknown>;
  const kept: string[] = [];
  if (typeof prompt === "string" && prompt.trim()) {
    converted[PROMPT_FIELD[to]] = prompt;
    kept.push(PROMPT_FIELD[to]);
  }
  return { params: converted as GenerationParams, conversion: { from, to, kept } };
}
