import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { getStorage } from "@/lib/storage";
import type { AudioParams } from "@/lib/validations/generation-params";
import { probeMedia, runTool, toolAvailability } from "./tools";
import type { Provider } from "./types";
import { withWorkspace } from "./workspace";

/** espeak-ng's default rate, in words per minute, for speed 1. */
const BASE_WORDS_PER_MINUTE = 175;

/** Speaks text into a WAV file with espeak-ng, at the card's voice and speed. */
export async function speak({
  text,
  voice,
  speed,
  file,
  signal,
}: {
  text: string;
  voice: string;
  speed: number;
  file: string;
  signal?: AbortSignal;
}): Promise<void> {
  await runTool("espeak-ng", ["-v", voice, "-s", String(Math.round(BASE_WORDS_PER_MINUTE * speed)), "-w", file, "--", text], { signal });
}

export const localSpeechProvider: Provider = {
  id: "local-speech",
  label: "espeak-ng speech",
  availability: () => toolAvailability("espeak-ng"),

  async submit() {
    return { externalId: "{}", pollMs: 0, estimatedSeconds: 2 };
  },

  async poll({ jobId, projectId, params, signal, onProgress }) {
    const audio = params as AudioParams;
    return withWorkspace(async (dir) => {
      await onProgress(0.2, "speaking");
      const file = path.join(dir, "speech.wav");
      await speak({ text: audio.text, voice: audio.voice, speed: audio.speed, file, signal });
      const bytes = await fs.readFile(file);
      const probe = await probeMedia(file);
      const storageKey = `projects/${projectId}/audio/${jobId}/0.wav`;
      await getStorage().put(storageKey, bytes, "audio/wav");
      return {
        status: "done",
        files: [
          {
            storageKey,
            mime: "audio/wav",
            format: "wav",
            fileSize: bytes.byteLength,
            width: null,
            height: null,
            duration: probe.durationSeconds,
          },
        ],
      };
    });
  },
};
