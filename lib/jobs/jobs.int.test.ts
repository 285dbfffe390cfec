import { beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/projects/[projectId]/events/route";
import * as mediaRoute from "@/app/api/media/[mediaId]/route";
import { sql } from "kysely";
import { getDb } from "@/db";
import { insertJob } from "@/db/queries/jobs";
import { inngest } from "@/inngest/client";
import { jobRequested } from "@/inngest/events";
import { updateCard } from "@/lib/boards/cards";
import { BASE_URL, createBoard, createUser, type TestUser } from "@/test/seed";
import type { Job } from "./dto";
import { startEmbeddedEngine } from "./engine/start";
import { cancelJob, createJob, getJob, listJobsOfProject, retryJob, updateJobPriority } from "./jobs";
import { failJob } from "./run-steps";

beforeAll(async () => {
  await startEmbeddedEngine();
});

async function imageCard(user: TestUser, prompt = "a lighthouse in fog", numImages = 2) {
  const { project, activities } = await createBoard(user.id, ["image"], 1);
  const card = activities[0]!.cards[0]!;
  await updateCard({ ownerId: user.id, cardId: card.id, input: { generationParams: { prompt, numImages, resolution: "320x240" } } });
  return { project, card };
}

async function waitForJob(ownerId: string, jobId: string, until: (job: Job) => boolean, timeoutMs = 10_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob({ ownerId, jobId });
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job stayed ${job.status} at ${job.currentStep}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** Reads Server-Sent Events from the real route until `stop` says so. */
async function readEvents(
  user: TestUser,
  projectId: string,
  stop: (events: Array<{ id: string; event: string; data: { job: Job } }>) => boolean,
  lastEventId?: string,
) {
  const abort = new AbortController();
  const headers: Record<string, string> = {
    host: "localhost:3000",
    cookie: user.cookie,
    ...(lastEventId && { "last-event-id": lastEventId }),
  };
  const response = await eventsRoute.GET(new Request(`${BASE_URL}/api/projects/${projectId}/events`, { headers, signal: abort.signal }), {
    params: Promise.resolve({ projectId }),
  });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ id: string; event: string; data: { job: Job } }> = [];
  let buffer = "";
  const deadline = Date.now() + 10_000;
  while (!stop(events) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let split: number;
    while ((split = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      const fields = Object.fromEntries(
        block
          .split("\n")
          .filter((line) => /^(id|event|data):/.test(line))
          .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
      );
      if (fields.id && fields.event && fields.data) events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
    }
  }
  abort.abort();
  await reader.cancel().catch(() => {});
  return events;
}

describe("generation jobs on the embedded engine", () => {
  it("runs a job to completion with progress, media and a file to show", async () => {
    const user = await createUser();
    const { card } = await imageCard(user);

    const created = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    expect(created).toMatchObject({
      status: "queued",
      cardId: card.id,
      priority: 2,
      params: { prompt: "a lighthouse in fog", numImages: 2 },
    });

    const done = await waitForJob(user.id, created.id, (job) => job.status === "completed");
    expect(done.progress).toBe(1);
    expect(done.media).toHaveLength(2);
    expect(done.media[0]).toMatchObject({ mediaType: "image", mime: "image/svg+xml", width: 320, height: 240 });

    const file = await mediaRoute.GET(
      new Request(`${BASE_URL}${done.media[0]!.url}`, { headers: { host: "localhost:3000", cookie: user.cookie } }),
      {
        params: Promise.resolve({ mediaId: done.media[0]!.id }),
      },
    );
    expect(file.status).toBe(200);
    const svg = await file.text();
    expect(svg).toContain('width="320"');
    expect(svg).toContain("a lighthouse in fog");

    const part = await mediaRoute.GET(
      new Request(`${BASE_URL}${done.media[0]!.url}`, { headers: { host: "localhost:3000", cookie: user.cookie, range: "bytes=0-9" } }),
      {
        params: Promise.resolve({ mediaId: done.media[0]!.id }),
      },
    );
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-9/${Buffer.byteLength(svg)}`);
    expect(await part.text()).toBe(svg.slice(0, 10));

    const stranger = await createUser();
    const denied = await mediaRoute.GET(
      new Request(`${BASE_URL}${done.media[0]!.url}`, { headers: { host: "localhost:3000", cookie: stranger.cookie } }),
      {
        params: Promise.resolve({ mediaId: done.media[0]!.id }),
      },
    );
    expect(denied.status).toBe(404);
  });

  it("streams the job's events in order, and a reconnect with Last-Event-ID misses none", async () => {
    const user = await createUser();
    const { project, card } = await imageCard(user);

    const streaming = readEvents(user, project.id, (events) => events.some((event) => event.data.job.status === "completed"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    const events = await streaming;

    const ids = events.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(events.every((event) => event.data.job.id === job.id)).toBe(true);
    expect(events[0]?.data.job.status).toBe("queued");
    expect(events.at(-1)).toMatchObject({ event: "job.status", data: { job: { status: "completed", progress: 1 } } });
    expect(events.map((event) => event.event)).toContain("job.progress");
    const progress = events.map((event) => event.data.job.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const middle = events[Math.floor(events.length / 2)]!;
    const replay = await readEvents(
      user,
      project.id,
      (seen) => seen.length >= events.length - Math.floor(events.length / 2) - 1,
      middle.id,
    );
    expect(replay.map((event) => event.id)).toEqual(events.slice(Math.floor(events.length / 2) + 1).map((event) => event.id));
  });

  it("cancels a running job: it stops, keeps no result, and cannot be cancelled twice", async () => {
    const user = await createUser();
    const { card } = await imageCard(user);
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    await waitForJob(user.id, job.id, (current) => current.status === "processing");

    const cancelled = await cancelJob({ ownerId: user.id, jobId: job.id });
    expect(cancelled.status).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 800));
    const after = await getJob({ ownerId: user.id, jobId: job.id });
    expect(after).toMatchObject({ status: "cancelled", media: [] });
    await expect(cancelJob({ ownerId: user.id, jobId: job.id })).rejects.toMatchObject({
      code: "conflict",
      message: "A cancelled job cannot become cancelled",
    });
    await expect(retryJob({ ownerId: user.id, jobId: job.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("retries a failed job with the same parameters until it completes", async () => {
    const user = await createUser();
    const { card } = await imageCard(user, "second time lucky", 1);
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { priority: 1 } });
    await waitForJob(user.id, job.id, (current) => current.status === "processing");
    await failJob({ jobId: job.id, message: "provider timed out" });
    expect(await getJob({ ownerId: user.id, jobId: job.id })).toMatchObject({ status: "failed", error: "provider timed out" });

    const retried = await retryJob({ ownerId: user.id, jobId: job.id });
    expect(retried).toMatchObject({ status: "queued", retryCount: 1, error: null });
    const done = await waitForJob(user.id, job.id, (current) => current.status === "completed");
    expect(done.media).toHaveLength(1);
    await expect(retryJob({ ownerId: user.id, jobId: job.id })).rejects.toMatchObject({
      code: "conflict",
      message: "A completed job cannot become queued",
    });
  });

  it("changes an active job's priority, lists active jobs, and hides them from others", async () => {
    const user = await createUser();
    const { project, card } = await imageCard(user);
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { priority: 3 } });
    const raised = await updateJobPriority({ ownerId: user.id, jobId: job.id, input: { priority: 1 } });
    expect(raised.priority).toBe(1);
    expect((await listJobsOfProject({ ownerId: user.id, projectId: project.id })).map((item) => item.id)).toContain(job.id);

    const stranger = await createUser();
    await expect(getJob({ ownerId: stranger.id, jobId: job.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelJob({ ownerId: stranger.id, jobId: job.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateJobPriority({ ownerId: stranger.id, jobId: job.id, input: { priority: 3 } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(listJobsOfProject({ ownerId: stranger.id, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });

    await waitForJob(user.id, job.id, (current) => current.status === "completed");
    await expect(updateJobPriority({ ownerId: user.id, jobId: job.id, input: { priority: 2 } })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("fails the job with the step's error once the engine's retries are spent", async () => {
    const user = await createUser();
    const { card, project } = await imageCard(user, "never rendered", 1);
    // A job whose provider this server no longer has: its submit step throws on every attempt.
    const job = await insertJob({
      cardId: card.id,
      projectId: project.id,
      taskType: "image",
      params: { prompt: "x" },
      priority: 2,
      provider: "retired-provider",
      callbackUrl: null,
      estimatedSeconds: null,
      maxRetries: 3,
    });
    await inngest.send(jobRequested.create({ jobId: job.id, priorityBoost: 0 }));

    const failed = await waitForJob(user.id, job.id, (current) => current.status === "failed");
    expect(failed.error).toBe('No provider "retired-provider" on this server');
    // The run itself ends cleanly (the function caught the error and marked the job), once only.
    const runsOfJob = () =>
      getDb()
        .selectFrom("engine_runs")
        .select("status")
        .where(sql<boolean>`event -> 'data' ->> 'jobId' = ${job.id}`)
        .execute();
    await expect.poll(async () => (await runsOfJob()).map((run) => run.status)).toEqual(["completed"]);
  });

  it("refuses to generate from a card with nothing to generate from, changing nothing", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image", "audio"], 1);
    await expect(createJob({ ownerId: user.id, cardId: activities[0]!.cards[0]!.id, input: {} })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { "generationParams.prompt": ["Write what to generate first"] },
    });
    await expect(createJob({ ownerId: user.id, cardId: activities[1]!.cards[0]!.id, input: {} })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { "generationParams.text": ["Write what to generate first"] },
    });
    const jobs = await getDb()
      .selectFrom("generation_jobs")
      .select("id")
      .where("card_id", "in", [activities[0]!.cards[0]!.id, activities[1]!.cards[0]!.id])
      .execute();
    expect(jobs).toEqual([]);
  });
});
