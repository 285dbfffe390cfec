import "server-only";
import { getStorage } from "@/lib/storage";
import type { TextParams } from "@/lib/validations/generation-params";
import type { Provider } from "./types";

/**
 * The offline writer: no model, a structured draft filled from the card's instructions (a title, a
 * logline, beats taken from the instructions' sentences, notes), cut to the token budget. Honest
 * placeholder text a creator can edit, in Markdown.
 */
export function writeDraft(params: TextParams): string {
  const sentences = params.instructions
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const title = (sentences[0] ?? "Untitled").replace(/[.!?]+$/, "").slice(0, 80);
  const beats =
    sentences.slice(1).length > 0
      ? sentences.slice(1)
      : ["Open on the world as it is.", "Something changes.", "Nothing is the same after."];
  const lines = [
    `# ${title}`,
    "",
    `**Logline.** ${sentences[0] ?? "A story waiting for its instructions."}`,
    "",
    "## Beats",
    ...beats.map((beat, index) => `${index + 1}. ${beat}`),
    "",
    "## Notes",
    `- Tone follows the brief; temperature ${params.temperature} asks for ${params.temperature > 1 ? "bold" : "measured"} choices.`,
    "- Written offline by the placeholder writer: set an AI provider key for real prose.",
  ];
  // Roughly four characters a token.
  return lines.join("\n").slice(0, params.maxTokens * 4);
}

export const localWriterProvider: Provider = {
  id: "local-writer",
  label: "Offline writer",
  availability: async () => ({ isAvailable: true }),

  async submit() {
    return { externalId: "{}", pollMs: 0, estimatedSeconds: 1 };
  },

  async poll({ jobId, projectId, params }) {
    const bytes = new TextEncoder().encode(writeDraft(params as TextParams));
    const storageKey = `projects/${projectId}/text/${jobId}/0.md`;
    await getStorage().put(storageKey, bytes, "text/markdown");
    return {
      status: "done",
      files: [
        {
          storageKey,
          mime: "text/markdown; charset=utf-8",
          format: "md",
          fileSize: bytes.byteLength,
          width: null,
          height: null,
          duration: null,
        },
      ],
    };
  },
};
