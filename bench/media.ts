import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setRuntimeEnv } from "@/lib/env";
import { localImageProvider } from "@/lib/providers/local-image";
import { generationParamsSchemas } from "@/lib/validations/generation-params";
import { summary, timed } from "./stats";

/** The local image generator's own work at 1024x1024: render, store on local disk, read back the metadata. */
export async function benchLocalImage(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-bench-media-"));
  setRuntimeEnv("DATA_DIR", dir);
  const params = generationParamsSchemas.image.parse({
    prompt: "A lighthouse keeper climbs the stairs at dusk, rain on the glass",
    resolution: "1024x1024",
  });
  const externalId = JSON.stringify({ startedAt: 0, seconds: 0 });
  const times: number[] = [];
  try {
    for (let i = 0; i < 55; i++) {
      const [ms] = await timed(() =>
        localImageProvider.poll({
          jobId: randomUUID(),
          projectId: randomUUID(),
          params,
          externalId,
          signal: new AbortController().signal,
          onProgress: async () => {},
        }),
      );
      if (i >= 5) times.push(ms);
    }
    console.log(`local image generation, 1024x1024 (render + store + metadata): ${summary(times)}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
