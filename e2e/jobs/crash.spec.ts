import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startApp, stopApp, waitForApp } from "../fixtures/app-process";

const PORT = 3150;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve(".data/e2e-crash");
const JOBS = 20;

type Job = { id: string; status: string; media: Array<{ url: string }> };

const start = () =>
  startApp(PORT, { DATA_DIR, LOCAL_GENERATION_SECONDS: "3", LOCAL_POLL_MS: "300", ENGINE_LEASE_SECONDS: "2", JOB_CONCURRENCY: "8" });

test("kill -9 in the middle of 20 jobs: after a restart all complete, every step's effect exactly once", async ({ playwright }) => {
  test.setTimeout(240_000);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  let app = start();
  try {
    await waitForApp(BASE);
    const api = await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
    expect((await api.post("/api/auth/sign-up/email", { data: { name: "Crash", email: "crash@example.com", password: "crash-test-password" } })).ok()).toBe(true);
    const { project } = await (await api.post("/api/projects", { data: { title: "Crash test" } })).json();
    const { activity } = await (await api.post(`/api/projects/${project.id}/activities`, { data: { title: "Frames", taskType: "image" } })).json();
    const jobIds: string[] = [];
    for (let n = 0; n < JOBS; n++) {
      const { card } = await (await api.post(`/api/activities/${activity.id}/cards`, { data: { title: `Frame ${n}`, generationParams: { prompt: `frame ${n}`, numImages: 2, resolution: "64x64" } } })).json();
      const response = await api.post(`/api/cards/${card.id}/jobs`, { data: {} });
      expect(response.status()).toBe(202);
      jobIds.push((await response.json()).job.id);
    }

    // Mid-way: some jobs running, none of them finished everything yet.
    let before: Job[] = [];
    await expect
      .poll(async () => {
        before = (await (await api.get(`/api/projects/${project.id}/jobs`)).json()).jobs;
        return before.filter((job) => job.status === "processing").length;
      }, { timeout: 30_000 })
      .toBeGreaterThan(3);
    app.kill("SIGKILL");
    await new Promise((resolve) => app.once("exit", resolve));
    expect(before.filter((job) => job.status === "completed").length).toBeLessThan(JOBS);

    app = start();
    await waitForApp(BASE);
    const signIn = await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
    expect((await signIn.post("/api/auth/sign-in/email", { data: { email: "crash@example.com", password: "crash-test-password" } })).ok()).toBe(true);
    await expect
      .poll(async () => {
        const jobs: Job[] = (await (await signIn.get(`/api/projects/${project.id}/jobs`)).json()).jobs;
        return jobs.filter((job) => jobIds.includes(job.id) && job.status === "completed").length;
      }, { timeout: 150_000, intervals: [1000] })
      .toBe(JOBS);

    // Every job: one run, completed; each step's event and each image exactly once; the files are there.
    const { port, password } = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "postgres.json"), "utf8"));
    const db = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/reelboard` });
    await db.connect();
    try {
      const runs = await db.query("select event -> 'data' ->> 'jobId' as job, status from engine_runs");
      expect(runs.rows.filter((run) => jobIds.includes(run.job)).map((run) => run.status)).toEqual(jobIds.map(() => "completed"));
      const steps = await db.query(
        "select job_id, split_part(dedupe_key, ':', 1) as step, count(*)::int as n from job_events where dedupe_key is not null group by 1, 2",
      );
      for (const jobId of jobIds) {
        const counts = Object.fromEntries(steps.rows.filter((row) => row.job_id === jobId).map((row) => [row.step, row.n]));
        expect(counts).toMatchObject({ prepare: 1, submit: 1, store: 1, finish: 1 });
      }
      const media = await db.query("select job_id, count(*)::int as n from media group by job_id");
      expect(media.rows.filter((row) => jobIds.includes(row.job_id)).map((row) => row.n)).toEqual(jobIds.map(() => 2));
    } finally {
      await db.end();
    }
    const finished: Job[] = (await (await signIn.get(`/api/projects/${project.id}/jobs`)).json()).jobs;
    const file = await signIn.get(finished[0]!.media[0]!.url);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain("<svg");
  } finally {
    await stopApp(app);
  }
});
