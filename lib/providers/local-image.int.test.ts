import fs from "node:fs/promises";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { insertRuns } from "@/db/queries/engine-runs";
import { insertJob } from "@/db/queries/jobs";
import { generateMedia } from "@/inngest/functions/generate-media";
import { dataPath } from "@/lib/env";
import { createEmbeddedFetch } from "@/lib/jobs/engine/embedded-fetch";
import { Executor } from "@/lib/jobs/engine/executor";
import { type EngineFunction, toEngineFunction } from "@/lib/jobs/engine/function-config";
import { servePost } from "@/lib/jobs/engine/serve-post";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import type { Job } from "@/lib/jobs/dto";
import { createJob, getJob } from "@/lib/jobs/jobs";
import { updateCard } from "@/lib/boards/cards";
import { getStorage } from "@/lib/storage";
import { generationParamsSchemas } from "@/lib/validations/generation-params";
import { createBoard, createUser } from "@/test/seed";

const UNREADABLE = "unreadable-by-the-renderer";
const renders = vi.hoisted(() => ({ unreadable: 0 }));

// sharp as it is, except for an SVG carrying the marker: that one it cannot read, every time, as it could
// not read the prompts with control characters before they were stripped.
vi.mock("sharp", async (importOriginal) => {
  const real = (await importOriginal<{ default: (...args: unknown[]) => unknown }>()).default;
  const fake = (input?: unknown, ...rest: unknown[]) => {
    if (input instanceof Uint8Array && Buffer.from(input).includes("unreadable-by-the-renderer")) {
      renders.unreadable++;
      return { metadata: () => Promise.reject(new Error("Input buffer has corrupt header: glib: XML parse error")) };
    }
    return real(input, ...rest);
  };
  return { default: fake };
});

async function waitForJob(ownerId: string, jobId: string, until: (job: Job) => boolean): Promise<Job> {
  for (let tries = 0; ; tries++) {
    const job = await getJob({ ownerId, jobId });
    if (until(job)) return job;
    if (tries > 600) throw new Error(`job stayed ${job.status} at ${job.currentStep}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

async function filesUnder(key: string): Promise<string[]> {
  return fs.readdir(path.join(dataPath("assets"), key)).catch(() => []);
}

async function imageCard(prompt: string) {
  const user = await createUser();
  const { project, activities } = await createBoard(user.id, ["image"], 1);
  const card = activities[0]!.cards[0]!;
  await updateCard({ ownerId: user.id, cardId: card.id, input: { generationParams: { prompt, resolution: "320x240" } } });
  return { user, project, card };
}

/**
 * The real generate-media function under an app id of this file's own, driven by an executor of its own:
 * no other test process's engine claims its runs, so every attempt happens here, where it is counted.
 */
function isolatedEngine() {
  const signingKey = "signkey-local-image-test-0123456789abcdef";
  const appId = `local-image-test-${Date.now()}`;
  let engineFunctions: EngineFunction[] = [];
  const client = new Inngest({
    id: appId,
    isDev: false,
    signingKey,
    eventKey: "test",
    fetch: createEmbeddedFetch(async () => engineFunctions),
  });
  const handler = serve({ client, functions: [generateMedia] });
  engineFunctions = [toEngineFunction(generateMedia, appId)];
  const executor = new Executor({
    functions: engineFunctions,
    handler: servePost(handler),
    signingKey,
    leaseMs: 5000,
    retryBaseMs: 20,
    log: () => {},
  });
  const run = (jobId: string) =>
    insertRuns([
      {
        functionId: engineFunctions[0]!.id,
        event: { name: "reelboard/job.requested", data: { jobId, priorityBoost: 0 }, id: crypto.randomUUID(), ts: Date.now() },
        prioritySeconds: 0,
      },
    ]);
  return { executor, run };
}

const engine = isolatedEngine();

beforeAll(async () => {
  await startEmbeddedEngine();
  await engine.executor.start();
});

afterAll(async () => {
  await engine.executor.stop();
});

describe("the local image generator on the real engine", () => {
  it("draws a prompt holding characters XML forbids, leaving them out of the picture", async () => {
    const prompt = "Bell\u0007 tab\u000bfeed\u000c form \u0001\u001f end\uFFFE\uFFFF lighthouse";
    const { user, card } = await imageCard(prompt);

    const created = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    const done = await waitForJob(user.id, created.id, (job) => job.status !== "queued" && job.status !== "processing");

    expect(done).toMatchObject({ status: "completed", error: null, params: { prompt } });
    expect(done.media).toHaveLength(1);
    expect(done.media[0]).toMatchObject({ mediaType: "image", mime: "image/svg+xml", width: 320, height: 240 });
    const [media] = await getDb().selectFrom("media").select("storage_key").where("job_id", "=", done.id).execute();
    const svg = await new Response(await getStorage().read(media!.storage_key)).text();
    expect(svg).toContain("lighthouse");
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
  });

  it("fails a job whose image cannot be rendered after one attempt, storing nothing", async () => {
    const { user, project, card } = await imageCard("never used");
    const params = generationParamsSchemas.image.parse({ prompt: `a ${UNREADABLE} prompt`, resolution: "320x240", numImages: 2 });
    const job = await insertJob({
      cardId: card.id,
      projectId: project.id,
      taskType: "image",
      params,
      priority: 2,
      provider: "local-image",
      callbackUrl: null,
      estimatedSeconds: null,
      maxRetries: 3,
    });
    renders.unreadable = 0;

    await engine.run(job.id);
    const failed = await waitForJob(user.id, job.id, (current) => current.status !== "queued" && current.status !== "processing");

    expect(failed).toMatchObject({ status: "failed", media: [] });
    // The step gave up at once: retrying would render the same bytes and fail the same way.
    expect(renders.unreadable).toBe(1);
    expect(await filesUnder(`projects/${project.id}/image/${job.id}`)).toEqual([]);
    expect(failed.error).toContain("The image could not be rendered");
  });
});
