import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "@/db/migrate";
import { startEmbeddedPostgres } from "@/lib/embedded/postgres";
import type { Board } from "@/lib/boards/dto";
import { seedBoard } from "./seed-board";
import { percentile, summary, timed } from "./stats";

const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "..");

/**
 * Board benchmark: the built app on a fresh embedded PostgreSQL, driven over HTTP like a browser would,
 * then in Chromium. Prints figures; asserts nothing.
 */
export async function benchBoard(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "reelboard-bench-"));
  await fs.chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dir: path.join(dir, "postgres"), database: "reelboard_bench" });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on("error", () => {}); // The database goes away at the end; idle clients may notice first.
  const app = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: path.join(dir, "data"),
      // The local image generator without its deliberate wait: click-to-thumbnail measures the pipeline.
      LOCAL_GENERATION_SECONDS: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });

  try {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
    await migrateToLatest(db, () => {});
    await db.destroy();
    await waitForApp();

    const { cookie, userId, credentials } = await signUp();
    const small = await seedBoard(pool, { ownerId: userId, columns: 5, cards: 1_000 });
    const large = await seedBoard(pool, { ownerId: userId, columns: 10, cards: 10_000 });

    const baseline: number[] = [];
    for (let i = 0; i < 105; i++) {
      const [ms] = await timed(() =>
        fetch(`${BASE}/api/projects/${small.projectId}`, { headers: { cookie } }).then((response) => response.text()),
      );
      if (i >= 5) baseline.push(ms);
    }
    console.log(`one project (request overhead baseline): ${summary(baseline)}`);

    for (const [label, projectId, runs] of [
      ["1,000 cards", small.projectId, 100],
      ["10,000 cards", large.projectId, 40],
    ] as const) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs + 5; i++) {
        const [ms, body] = await timed(async () => {
          const response = await fetch(`${BASE}/api/projects/${projectId}/board`, { headers: { cookie } });
          if (!response.ok) throw new Error(`board answered ${response.status}`);
          return response.text();
        });
        bytes = body.length;
        if (i >= 5) times.push(ms);
      }
      console.log(`board JSON, ${label}: ${summary(times)}, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    }

    await benchMoves(pool, cookie, large.projectId);
    await benchProgressLatency(pool, cookie, small.projectId);
    await benchPaint(credentials, small.projectId);
  } finally {
    app.kill("SIGINT");
    await new Promise((resolve) => app.once("exit", resolve));
    await pool.end();
    await database.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }

  async function signUp() {
    const credentials = { email: `bench-${Date.now()}@example.com`, password: "benchmark-password" };
    const response = await fetch(`${BASE}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ name: "Bench", ...credentials }),
    });
    if (!response.ok) throw new Error(`sign-up answered ${response.status}`);
    const body = (await response.json()) as { user: { id: string } };
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
    return { cookie, userId: body.user.id, credentials };
  }
}

/** Random moves within and across the columns of the 10,000-card board, as a person dragging would send them. */
async function benchMoves(pool: pg.Pool, cookie: string, projectId: string): Promise<void> {
  const board = (await (await fetch(`${BASE}/api/projects/${projectId}/board`, { headers: { cookie } })).json()) as Board;
  const columns = board.activities.map((column) => ({ id: column.id, cards: column.cards.map((card) => card.id) }));
  await installWriteCounter(pool);
  const writesBefore = await rowsWritten(pool);
  const times: number[] = [];
  const moves = 200;

  for (let i = 0; i < moves; i++) {
    const from = columns[i % columns.length]!;
    const to = columns[Math.floor(Math.random() * columns.length)]!;
    const cardId = from.cards[Math.floor(Math.random() * from.cards.length)]!;
    from.cards.splice(from.cards.indexOf(cardId), 1);
    const index = Math.floor(Math.random() * (to.cards.length + 1));
    to.cards.splice(index, 0, cardId);
    const body = { activityId: to.id, prevId: to.cards[index - 1] ?? null, nextId: to.cards[index + 1] ?? null };

    const [ms, response] = await timed(() =>
      fetch(`${BASE}/api/cards/${cardId}/move`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    if (!response.ok) throw new Error(`move answered ${response.status}: ${await response.text()}`);
    times.push(ms);
  }

  const written = (await rowsWritten(pool)) - writesBefore;
  console.log(`card move, 10,000 cards: ${summary(times)}; rows written per move: ${(written / moves).toFixed(2)}`);
}

/**
 * Counts every row inserted, updated or deleted in the board tables with a row trigger (installed in the
 * throwaway benchmark database only), so "rows written per move" is exact, not a statistics estimate.
 */
async function installWriteCounter(pool: pg.Pool): Promise<void> {
  await pool.query(`
    create table if not exists bench_row_writes (n bigint not null);
    insert into bench_row_writes select 0 where not exists (select 1 from bench_row_writes);
    create or replace function bench_count_write() returns trigger language plpgsql as $$
      begin update bench_row_writes set n = n + 1; return null; end $$;
    create or replace trigger bench_count after insert or update or delete on task_cards for each row execute function bench_count_write();
    create or replace trigger bench_count after insert or update or delete on activities for each row execute function bench_count_write();
    create or replace trigger bench_count after insert or update or delete on projects for each row execute function bench_count_write();
  `);
}

async function rowsWritten(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("select n from bench_row_writes");
  return Number(rows[0]?.n ?? 0);
}

/**
 * Progress latency: a step appends a job event exactly as publishJob does (advisory lock, insert,
 * NOTIFY in one transaction); the time until an SSE client of the running app has it.
 */
async function benchProgressLatency(pool: pg.Pool, cookie: string, projectId: string): Promise<void> {
  const { rows } = await pool.query<{ job_id: string }>(
    `insert into generation_jobs (card_id, project_id, task_type, params, provider, status)
     select c.id, a.project_id, a.task_type, c.generation_params, 'local-image', 'completed'
     from task_cards c join activities a on a.id = c.activity_id where a.project_id = $1 limit 1
     returning id as job_id`,
    [projectId],
  );
  const jobId = rows[0]!.job_id;
  const abort = new AbortController();
  const response = await fetch(`${BASE}/api/projects/${projectId}/events`, { headers: { cookie }, signal: abort.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const latencies: number[] = [];
  const events = 200;

  const reading = (async () => {
    let buffer = "";
    while (latencies.length < events) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let split = buffer.indexOf("\n\n"); split >= 0; split = buffer.indexOf("\n\n")) {
        const data = buffer
          .slice(0, split)
          .split("\n")
          .find((line) => line.startsWith("data:"));
        buffer = buffer.slice(split + 2);
        if (data) latencies.push(performance.now() + performance.timeOrigin - (JSON.parse(data.slice(5)) as { sentAt: number }).sentAt);
      }
    }
  })();

  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = 0; i < events; i++) {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [projectId]);
      await client.query(
        `with inserted as (insert into job_events (job_id, project_id, kind, payload) values ($1, $2, 'progress', $3) returning id)
         select pg_notify('reelboard_job_events', $2::text || ':' || id) from inserted`,
        [jobId, projectId, JSON.stringify({ sentAt: performance.now() + performance.timeOrigin })],
      );
      await client.query("commit");
    } finally {
      client.release();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 5000))]);
  abort.abort();
  console.log(`progress latency, job event to SSE client: ${summary(latencies)}`);
}

/** Time from navigation until the board with its cards is on screen, in Chromium. */
async function benchPaint(credentials: { email: string; password: string }, projectId: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const signIn = await context.request.post(`${BASE}/api/auth/sign-in/email`, { data: credentials, headers: { origin: BASE } });
    if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}`);
    const page = await context.newPage();
    const visible: number[] = [];
    const interactive: number[] = [];
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      await page.goto(`${BASE}/projects/${projectId}`, { waitUntil: "commit" });
      await page.getByTestId("card").first().waitFor({ state: "visible" });
      visible.push(performance.now() - start);
      await page.waitForLoadState("load");
      await page.waitForFunction(() => document.querySelector("[data-testid=card][aria-roledescription]") !== null);
      interactive.push(performance.now() - start);
    }
    const cards = await page.getByTestId("card").count();
    await benchClickToThumbnail(page, projectId);
    console.log(
      `board in Chromium, 1,000 cards (${cards} rendered): visible p50 ${percentile(visible.slice(1), 50).toFixed(0)} ms, ` +
        `p95 ${percentile(visible.slice(1), 95).toFixed(0)} ms; draggable (hydrated) p50 ${percentile(interactive.slice(1), 50).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
  }
}

/** From the click on Generate until the result image is decoded on screen, for a local image job. */
async function benchClickToThumbnail(page: import("@playwright/test").Page, projectId: string): Promise<void> {
  const board = (await (await page.request.get(`${BASE}/api/projects/${projectId}/board`)).json()) as Board;
  const card = board.activities.find((column) => column.taskType === "image")!.cards[0]!;
  await page.request.patch(`${BASE}/api/cards/${card.id}`, {
    data: { generationParams: { prompt: "bench: a lighthouse", resolution: "1024x1024" } },
    headers: { origin: BASE },
  });
  await page.goto(`${BASE}/projects/${projectId}?card=${card.id}`);
  const dialog = page.getByRole("dialog", { name: card.title });
  const times: number[] = [];
  for (let i = 1; i <= 8; i++) {
    await dialog.getByRole("button", { name: "Generate" }).waitFor({ state: "visible" });
    const start = performance.now();
    await dialog.getByRole("button", { name: "Generate" }).click();
    await page.waitForFunction(
      (count) =>
        [...document.querySelectorAll("[role=dialog] ul[aria-label=Results] img")].filter(
          (image) => (image as HTMLImageElement).naturalWidth > 0,
        ).length >= count,
      i,
      { timeout: 30_000 },
    );
    times.push(performance.now() - start);
    await dialog.getByTestId("job-status").filter({ hasText: "Done" }).waitFor();
  }
  console.log(`click to thumbnail, local image job at 1024x1024: ${summary(times)}`);
}

async function waitForApp(): Promise<void> {
  for (let waited = 0; waited < 300_000; waited += 500) {
    const ok = await fetch(`${BASE}/sign-in`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not start");
}
