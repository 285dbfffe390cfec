import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import { startApp, stopApp, waitForApp } from "../fixtures/app-process";

const PORTS = [3170, 3171] as const;
const JOBS = 12;

type Job = { id: string; status: string; media: Array<{ url: string }> };

test("two app processes on one database share the work, the session secret and the assets; a third with private assets is refused", async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "reelboard-scale-"));
  fs.chmodSync(root, 0o755);
  const database = await startEmbeddedPostgres({ dir: path.join(root, "postgres"), database: "shared", isEphemeral: true });
  const shared = { DATABASE_URL: database.url, ASSETS_DIR: path.join(root, "assets"), LOCAL_GENERATION_SECONDS: "2", LOCAL_POLL_MS: "300" };
  const apps = PORTS.map((port, n) => startApp(port, { ...shared, DATA_DIR: path.join(root, `data-${n}`) }));
  try {
    for (const port of PORTS) await waitForApp(`http://127.0.0.1:${port}`);
    const [first, second] = await Promise.all(
      PORTS.map((port) =>
        playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}`, extraHTTPHeaders: { origin: `http://127.0.0.1:${port}` } }),
      ),
    );

    // Signed up through the first process; the second honours the session (one secret, kept in the database).
    const signUp = await first!.post("/api/auth/sign-up/email", {
      data: { name: "Scale", email: "scale@example.com", password: "scale-out-password" },
    });
    expect(signUp.ok()).toBe(true);
    const cookies = (await first!.storageState()).cookies;
    await second!.dispose();
    const secondWithSession = await playwright.request.newContext({
      baseURL: `http://127.0.0.1:${PORTS[1]}`,
      extraHTTPHeaders: {
        origin: `http://127.0.0.1:${PORTS[1]}`,
        cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
      },
    });
    expect((await secondWithSession.get("/api/projects")).status()).toBe(200);

    const { project } = await (await first!.post("/api/projects", { data: { title: "Scale out" } })).json();
    const { activity } = await (
      await first!.post(`/api/projects/${project.id}/activities`, { data: { title: "Frames", taskType: "image" } })
    ).json();
    for (let n = 0; n < JOBS; n++) {
      const { card } = await (
        await first!.post(`/api/activities/${activity.id}/cards`, {
          data: { title: `Frame ${n}`, generationParams: { prompt: `frame ${n}`, resolution: "64x64" } },
        })
      ).json();
      expect((await first!.post(`/api/cards/${card.id}/jobs`, { data: {} })).status()).toBe(202);
    }

    let jobs: Job[] = [];
    await expect
      .poll(
        async () => {
          jobs = (await (await secondWithSession.get(`/api/projects/${project.id}/jobs`)).json()).jobs;
          return jobs.filter((job) => job.status === "completed").length;
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(JOBS);

    // Both processes ran runs, and every result is served by both.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select count(distinct ran_by)::int as processes from engine_runs where function_id like '%generate-media'",
      );
      expect(rows[0].processes).toBe(2);
    } finally {
      await client.end();
    }
    for (const job of jobs) {
      for (const context of [first!, secondWithSession]) expect((await context.get(job.media[0]!.url)).status()).toBe(200);
    }

    // A third process whose assets would be private to it refuses to start, and says why.
    const third = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        ...shared,
        ASSETS_DIR: path.join(root, "private-assets"),
        DATA_DIR: path.join(root, "data-3"),
        PORT: "3172",
        HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    third.stdout!.on("data", (chunk) => (output += chunk));
    third.stderr!.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => third.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/another folder.*ASSETS_DIR/s);
  } finally {
    for (const app of apps) await stopApp(app);
    await database.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
