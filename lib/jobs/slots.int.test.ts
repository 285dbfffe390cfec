import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { updateCard } from "@/lib/boards/cards";
import { setRuntimeEnv } from "@/lib/env";
import { createBoard, createUser } from "@/test/seed";
import type { Job } from "./dto";
import { startEmbeddedEngine } from "./engine/start";
import { cancelJob, createJob, getJob, updateJobPriority } from "./jobs";

beforeAll(async () => {
  setRuntimeEnv("JOB_CONCURRENCY", "2");
  setRuntimeEnv("LOCAL_GENERATION_SECONDS", "1");
  await startEmbeddedEngine();
});

describe("generation slots", () => {
  it("generates at most JOB_CONCURRENCY at once; the rest wait queued, in priority order, and can be cancelled", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image"], 7);
    const cards = activities[0]!.cards;
    for (const card of cards)
      await updateCard({ ownerId: user.id, cardId: card.id, input: { generationParams: { prompt: card.title, resolution: "64x64" } } });

    let isSampling = true;
    let mostGenerating = 0;
    const sampler = (async () => {
      while (isSampling) {
        const row = await getDb()
          .selectFrom("generation_jobs")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("project_id", "=", project.id)
          .where("status", "=", "processing")
          .executeTakeFirstOrThrow();
        mostGenerating = Math.max(mostGenerating, Number(row.n));
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();

    const first = [
      await createJob({ ownerId: user.id, cardId: cards[0]!.id, input: {} }),
      await createJob({ ownerId: user.id, cardId: cards[1]!.id, input: {} }),
    ];
    const low: Job[] = [];
    for (const card of cards.slice(2, 6)) low.push(await createJob({ ownerId: user.id, cardId: card.id, input: { priority: 3 } }));
    const high = await createJob({ ownerId: user.id, cardId: cards[6]!.id, input: { priority: 1 } });
    // Raising a waiting job's priority moves it ahead of the other low ones.
    await updateJobPriority({ ownerId: user.id, jobId: low[2]!.id, input: { priority: 2 } });

    // A low-priority job waits visibly queued, and a cancel takes it out before it ever generates.
    await expect
      .poll(async () => (await getJob({ ownerId: user.id, jobId: low[3]!.id })).currentStep, { timeout: 15_000 })
      .toMatch(/waiting for a free slot \(\d+ ahead\)/);
    const cancelled = await cancelJob({ ownerId: user.id, jobId: low[3]!.id });
    expect(cancelled.status).toBe("cancelled");

    const others = [...first, ...low.slice(0, 3), high];
    await expect
      .poll(async () => Promise.all(others.map(async (job) => (await getJob({ ownerId: user.id, jobId: job.id })).status)), {
        timeout: 60_000,
        interval: 200,
      })
      .toEqual(others.map(() => "completed"));
    isSampling = false;
    await sampler;

    expect(mostGenerating).toBeLessThanOrEqual(2);
    expect(mostGenerating).toBeGreaterThan(0);
    const startedAt = async (jobId: string) => new Date((await getJob({ ownerId: user.id, jobId })).startedAt!).getTime();
    for (const job of low.slice(0, 3)) expect(await startedAt(high.id)).toBeLessThanOrEqual(await startedAt(job.id));
    for (const job of low.slice(0, 2)) expect(await startedAt(low[2]!.id)).toBeLessThanOrEqual(await startedAt(job.id));
    const neverStarted = await getJob({ ownerId: user.id, jobId: low[3]!.id });
    expect(neverStarted).toMatchObject({ status: "cancelled", startedAt: null });
  });
});
