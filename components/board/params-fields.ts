import type { TaskTypeName } from "@/lib/validations/generation-params";

export type ParamField = {
  name: string;
  label: string;
  /** "image-asset": picked from the project's approved images, not typed. */
  kind: "text" | "textarea" | "number" | "image-asset";
  hint?: string;
  step?: number;
  /** An empty number field means null (for example "no seed"), not zero. */
  isNullable?: boolean;
};

/** The form fields of each card type's generation parameters, in the order a creator fills them. */
export const PARAM_FIELDS: Record<TaskTypeName, ParamField[]> = {
  image: [
    { name: "model", label: "Model", kind: "text" },
    { name: "prompt", label: "Prompt", kind: "textarea" },
    { name: "negativePrompt", label: "Negative prompt", kind: "textarea" },
    { name: "resolution", label: "Resolution", kind: "text", hint: "WIDTHxHEIGHT, e.g. 1024x1024" },
    { name: "guidanceScale", label: "Guidance scale", kind: "number", step: 0.5 },
    { name: "numImages", label: "Number of images", kind: "number", hint: "1 to 8", step: 1 },
    { name: "seed", label: "Seed", kind: "number", hint: "Empty for a random seed", step: 1, isNullable: true },
  ],
  video: [
    { name: "model", label: "Model", kind: "text" },
    { name: "prompt", label: "Prompt", kind: "textarea" },
    { name: "durationSeconds", label: "Duration (seconds)", kind: "number", step: 0.5 },
    { name: "fps", label: "Frames per second", kind: "number", step: 1 },
    { name: "resolution", label: "Resolution", kind: "text", hint: "WIDTHxHEIGHT, e.g. 1280x720" },
    { name: "referenceAssetId", label: "Reference image", kind: "image-asset", hint: "Optional: an approved image to animate" },
    { name: "narration", label: "Narration", kind: "textarea", hint: "Optional: spoken over the video" },
  ],
  text: [
    { name: "model", label: "Model", kind: "text" },
    { name: "instructions", label: "Instructions", kind: "textarea" },
    { name: "maxTokens", label: "Max tokens", kind: "number", step: 1 },
    { name: "temperature", label: "Temperature", kind: "number", hint: "0 to 2", step: 0.1 },
  ],
  audio: [
    { name: "model", label: "Model", kind: "text" },
    { name: "voice", label: "Voice", kind: "text", hint: "e.g. en-us, en-gb, fr" },
    { name: "text", label: "Text to speak", kind: "textarea" },
    { name: "speed", label: "Speed", kind: "number", hint: "0.5 to 2", step: 0.1 },
  ],
};

/** Reads the form into the shape the schema checks: numbers as numbers, empty optional ids as null. */
export function readParams(taskType: TaskTypeName, form: FormData): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of PARAM_FIELDS[taskType]) {
    const raw = String(form.get(`params.${field.name}`) ?? "");
    if (field.kind === "number") {
      params[field.name] = raw.trim() === "" ? (field.isNullable ? null : undefined) : Number(raw);
    } else if (field.kind === "image-asset") {
      params[field.name] = raw.trim() === "" ? null : raw.trim();
    } else {
      params[field.name] = raw;
    }
  }
  return params;
}
