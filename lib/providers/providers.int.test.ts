import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getStorage } from "@/lib/storage";
import { generationParamsSchemas } from "@/lib/validations/generation-params";
import { localAnimaticProvider } from "./local-animatic";
import { localImageProvider } from "./local-image";
import { localSpeechProvider } from "./local-speech";
import { localWriterProvider } from "./local-writer";
import { probeMedia, runTool } from "./tools";
import type { PollResult, Provider } from "./types";

const projectId = "11111111-1111-4111-8111-111111111111";

/** Fractions reported through onProgress by the last generate() call. */
let progress: number[] = [];

async function generate(provider: Provider, params: object): Promise<Extract<PollResult, { status: "done" }>> {
  const jobId = crypto.randomUUID();
  progress = [];
  const submission = await provider.submit({ jobId, params: params as never });
  for (;;) {
    const result = await provider.poll({
      jobId,
      projectId,
      params: params as never,
      externalId: submission.externalId,
      signal: new AbortController().signal,
      onProgress: async (fraction) => void progress.push(fraction),
    });
    if (result.status === "done") return result;
    await new Promise((resolve) => setTimeout(resolve, submission.pollMs));
  }
}

async function probeStored(key: string) {
  const file = path.join(os.tmpdir(), `probe-${crypto.randomUUID()}${path.extname(key)}`);
  await fs.writeFile(file, new Uint8Array(await new Response(await getStorage().read(key)).arrayBuffer()));
  try {
    return await probeMedia(file);
  } finally {
    await fs.rm(file, { force: true });
  }
}

async function streamsOf(
  key: string,
): Promise<Array<{ codec_type: string; r_frame_rate: string; width?: number; height?: number; duration?: string }>> {
  const file = path.join(os.tmpdir(), `streams-${crypto.randomUUID()}${path.extname(key)}`);
  await fs.writeFile(file, new Uint8Array(await new Response(await getStorage().read(key)).arrayBuffer()));
  try {
    return JSON.parse(await runTool("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", file])).streams;
  } finally {
    await fs.rm(file, { force: true });
  }
}

describe("local generators", () => {
  it("image: honours resolution and number of images, and writes the prompt legibly", async () => {
    const result = await generate(
      localImageProvider,
      generationParamsSchemas.image.parse({ prompt: "Tide & <stone>", resolution: "320x200", numImages: 3 }),
    );
    expect(result.files).toHaveLength(3);
    expect(result.files[0]).toMatchObject({ mime: "image/svg+xml", width: 320, height: 200 });
    const svg = await new Response(await getStorage().read(result.files[0]!.storageKey)).text();
    expect(svg).toContain("Tide &amp; &lt;stone&gt;");
    const other = await new Response(await getStorage().read(result.files[1]!.storageKey)).text();
    expect(other).not.toBe(svg); // each image its own composition
  });

  it("speech: espeak-ng speaks the text at the speed asked", async () => {
    const text = "The lamp must be lit before dark. Every night, without fail.";
    const normal = await generate(localSpeechProvider, generationParamsSchemas.audio.parse({ text, voice: "en-gb", speed: 1 }));
    const fast = await generate(localSpeechProvider, generationParamsSchemas.audio.parse({ text, voice: "en-gb", speed: 2 }));
    expect(normal.files[0]).toMatchObject({ mime: "audio/wav", format: "wav" });
    expect(normal.files[0]!.duration).toBeGreaterThan(2);
    expect(fast.files[0]!.duration!).toBeLessThan(normal.files[0]!.duration! * 0.7);
  });

  it("speech: an unknown voice fails with espeak-ng's reason", async () => {
    await expect(
      generate(localSpeechProvider, generationParamsSchemas.audio.parse({ text: "hello", voice: "xx-nonexistent" })),
    ).rejects.toThrow(/espeak-ng failed/);
  });

  it("video: an animatic at the duration, frame rate and resolution asked, with narration", async () => {
    const result = await generate(
      localAnimaticProvider,
      generationParamsSchemas.video.parse({
        prompt: "Waves against the rocks",
        durationSeconds: 2,
        fps: 12,
        resolution: "320x240",
        narration: "Night falls.",
      }),
    );
    expect(result.files[0]).toMatchObject({ mime: "video/mp4", width: 320, height: 240 });
    expect(result.files[0]!.duration).toBeGreaterThan(1.8);
    expect(result.files[0]!.duration).toBeLessThan(2.3);
    const probe = await probeStored(result.files[0]!.storageKey);
    expect(probe.format).toContain("mp4");

    const streams = await streamsOf(result.files[0]!.storageKey);
    expect(streams.find((stream) => stream.codec_type === "video")).toMatchObject({ r_frame_rate: "12/1", width: 320, height: 240 });
    const narration = streams.find((stream) => stream.codec_type === "audio");
    expect(narration).toBeDefined();
    expect(Number(narration!.duration)).toBeGreaterThan(0.3);

    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((fraction, index) => fraction >= 0 && fraction <= 1 && (index === 0 || fraction >= progress[index - 1]!))).toBe(
      true,
    );
  });

  it("text: a structured draft from the instructions, within the token budget", async () => {
    const result = await generate(
      localWriterProvider,
      generationParamsSchemas.text.parse({ instructions: "A keeper guards a light. A ship is lost. He goes out.", maxTokens: 60 }),
    );
    const text = await new Response(await getStorage().read(result.files[0]!.storageKey)).text();
    expect(text.startsWith("# A keeper guards a light")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(240);
  });
});
