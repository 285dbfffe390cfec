import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startApp, stopApp, waitForApp } from "../fixtures/app-process";

const PORT = 3150;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve(".data/e2e-crash");
const IMAGE_JOBS = 16;
const VIDEO_JOBS = 4;
const JOBS = IMAGE_JOBS + VIDEO_JOBS;

type Job = { id: string; status: string; media: Array<{ url: string }> };

const start = () =>
  startApp(PORT, { DATA_DIR, LOCAL_GENERATION_SECONDS: "3", LOCAL_POLL_MS: "300", ENGINE_LEASE_SECONDS: "2", JOB_CONCURRENCY: "8" });

function database() {
  const { port, password } = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "postgres.json"), "utf8"));
  return new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/reelboard` });
}

test("kill -9 in the middle of 20 jobs, while steps run: after a restart another process takes the runs over, all complete, every step's effect exactly once", async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  let app = start();
  try {
    await waitForApp(BASE);
    const api = await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
    expect(
      (
        await api.post("/api/auth/sign-up/email", { data: { name: "Crash", email: "crash@example.com", password: "crash-test-password" } })
      ).ok(),
    ).toBe(true);
    const { project } = await (await api.post("/api/projects", { data: { title: "Crash test" } })).json();
    const { activity } = await (
      await api.post(`/api/projects/${project.id}/activities`, { data: { title: "Frames", taskType: "image" } })
    ).json();
    const { activity: shots } = await (
      await api.post(`/api/projects/${project.id}/activities`, { data: { title: "Shots", taskType: "video" } })
    ).json();
    const jobIds: string[] = [];
    // Video jobs keep ffmpeg busy inside one step for a while, so that the kill lands while steps run.
    const cards = [
      ...Array.from({ length: VIDEO_JOBS }, (_, n) => ({
        column: shots.id,
        title: `Shot ${n}`,
        generationParams: { prompt: `shot ${n}`, durationSeconds: 12, fps: 30, resolution: "640x360" },
      })),
      ...Array.from({ length: IMAGE_JOBS }, (_, n) => ({
        column: activity.id,
        title: `Frame ${n}`,
        generationParams: { prompt: `frame ${n}`, numImages: 2, resolution: "64x64" },
      })),
    ];
    for (const { column, title, generationParams } of cards) {
      const { card } = await (await api.post(`/api/activities/${column}/cards`, { data: { title, generationParams } })).json();
      const response = await api.post(`/api/cards/${card.id}/jobs`, { data: {} });
      expect(response.status()).toBe(202);
      jobIds.push((await response.json()).job.id);
    }

    // Mid-way: some jobs running, none of them finished everything yet, and steps in hand (leased runs).
    let before: Job[] = [];
    const watcher = database();
    await watcher.connect();
    let leasedAtKill: Array<{ id: string; lease_owner: string }> = [];
    try {
      await expect
        .poll(
          async () => {
            before = (await (await api.get(`/api/projects/${project.id}/jobs`)).json()).jobs;
            const leased = await watcher.query(
              "select count(*)::int as n from engine_runs where lease_owner is not null and status = 'queued'",
            );
            return before.filter((job) => job.status === "processing").length > 3 && leased.rows[0].n > 0;
          },
          { timeout: 60_000, intervals: [100] },
        )
        .toBe(true);
      app.kill("SIGKILL");
      await new Promise((resolve) => app.once("exit", resolve));
      leasedAtKill = (await watcher.query("select id, lease_owner from engine_runs where lease_owner is not null and status = 'queued'"))
        .rows;
    } finally {
      await watcher.end();
    }
    expect(before.filter((job) => job.status === "completed").length).toBeLessThan(JOBS);
    expect(leasedAtKill.length).toBeGreaterThan(0);

    app = start();
    await waitForApp(BASE);
    const signIn = await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
    expect(
      (await signIn.post("/api/auth/sign-in/email", { data: { email: "crash@example.com", password: "crash-test-password" } })).ok(),
    ).toBe(true);
    await expect
      .poll(
        async () => {
          const jobs: Job[] = (await (await signIn.get(`/api/projects/${project.id}/jobs`)).json()).jobs;
          return jobs.filter((job) => jobIds.includes(job.id) && job.status === "completed").length;
        },
        { timeout: 150_000, intervals: [1000] },
      )
      .toBe(JOBS);

    // Every job: one run, completed; each step's event and each image exactly once; the files are there.
    const db = database();
    await db.connect();
    try {
      // A job is completed by its last step; its run ends with the call after it.
      const runsOfJobs = async () =>
        (await db.query("select id, event -> 'data' ->> 'jobId' as job, status, ran_by from engine_runs")).rows.filter((run) =>
          jobIds.includes(run.job),
        );
      await expect
        .poll(async () => (await runsOfJobs()).map((run) => run.status), { timeout: 30_000 })
        .toEqual(jobIds.map(() => "completed"));
      const runs = { rows: await runsOfJobs() };
      // The runs the killed process held were taken over by the new one once their leases ran out.
      for (const held of leasedAtKill) {
        const run = runs.rows.find((row) => row.id === held.id);
        expect(run.status).toBe("completed");
        expect(run.ran_by).not.toBe(held.lease_owner);
      }

      // Re-runs measured outside the deduplicated tables: each job was handed to its provider once, and
      // at most once more where its run was in the middle of a step when the process died.
      const heldJobs = new Set(runs.rows.filter((run) => leasedAtKill.some((held) => held.id === run.id)).map((run) => run.job));
      const submissions = await db.query("select id, provider_submissions as n from generation_jobs where id = any($1)", [jobIds]);
      expect(submissions.rows).toHaveLength(JOBS);
      for (const row of submissions.rows) {
        if (heldJobs.has(row.id)) expect([1, 2], `job ${row.id}`).toContain(row.n);
        else expect(row.n, `job ${row.id}`).toBe(1);
      }
      const steps = await db.query(
        "select job_id, split_part(dedupe_key, ':', 1) as step, count(*)::int as n from job_events where dedupe_key is not null group by 1, 2",
      );
      for (const jobId of jobIds) {
        const counts = Object.fromEntries(steps.rows.filter((row) => row.job_id === jobId).map((row) => [row.step, row.n]));
        expect(counts).toMatchObject({ prepare: 1, submit: 1, store: 1, finish: 1 });
      }
      const media = await db.query("select job_id, count(*)::int as n from media group by job_id");
      const mediaCount = Object.fromEntries(media.rows.map((row) => [row.job_id, row.n]));
      expect(jobIds.map((jobId) => mediaCount[jobId])).toEqual([...Array(VIDEO_JOBS).fill(1), ...Array(IMAGE_JOBS).fill(2)]);
    } finally {
      await db.end();
    }
    const finished: Job[] = (await (await signIn.get(`/api/projects/${project.id}/jobs`)).json()).jobs;
    const image = finished.find((job) => job.media.length === 2)!;
    const file = await signIn.get(image.media[0]!.url);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain("<svg");
  } finally {
    await stopApp(app);
  }
});
