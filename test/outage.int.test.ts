import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import * as projectsRoute from "@/app/api/projects/route";
import { closeDb } from "@/db";
import { insertJob } from "@/db/queries/jobs";
import { env, setRuntimeEnv } from "@/lib/env";
import { closeListener } from "@/lib/realtime/listener";
import { projectEventStream } from "@/lib/realtime/project-stream";
import { BASE_URL, createBoard, createUser } from "@/test/seed";
import { startTcpProxy } from "@/test/tcp-proxy";

// Every connection of this file goes through a proxy that can cut the database off, as an outage or a
// restart of PostgreSQL does; the real server (and the other test files) are untouched.
const realUrl = new URL(env.DATABASE_URL!);
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
const direct = new pg.Pool({ connectionString: realUrl.toString(), max: 1 });

beforeAll(async () => {
  proxy = await startTcpProxy({ host: realUrl.hostname, port: Number(realUrl.port) });
  await closeDb();
  await closeListener();
  (globalThis as { __reelboardAuth?: unknown }).__reelboardAuth = undefined;
  const proxied = new URL(realUrl);
  proxied.port = String(proxy.port);
  setRuntimeEnv("DATABASE_URL", proxied.toString());
});

afterAll(async () => {
  await direct.end();
  await proxy.stop();
});

const listProjects = (cookie: string) =>
  projectsRoute.GET(new Request(`${BASE_URL}/api/projects`, { headers: { host: "localhost:3000", cookie } }), {
    params: Promise.resolve({}),
  });

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, received: { text: string }, pattern: RegExp): Promise<void> {
  const decoder = new TextDecoder();
  while (!pattern.test(received.text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before ${pattern}: ${received.text}`);
    received.text += decoder.decode(value);
  }
}

describe("a database outage", () => {
  it("answers 503 with Retry-After while the database is down, and serves again once it is back", async () => {
    const user = await createUser();
    await createBoard(user.id, ["image"], 1);
    expect((await listProjects(user.cookie)).status).toBe(200);

    await proxy.cut();
    try {
      const response = await listProjects(user.cookie);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ error: { code: "unavailable" } });
    } finally {
      await proxy.restore();
    }
    await expect.poll(async () => (await listProjects(user.cookie)).status, { timeout: 10_000 }).toBe(200);
  });

  it("keeps event streams live: the listener reconnects however long it takes, and streams replay what they missed", async () => {
    const user = await createUser();
    const { project, activities } = await createBoard(user.id, ["image"], 1);
    const job = await insertJob({
      cardId: activities[0]!.cards[0]!.id,
      projectId: project.id,
      taskType: "image",
      params: {},
      priority: 2,
      provider: "local-image",
      callbackUrl: null,
      estimatedSeconds: null,
      maxRetries: 3,
    });
    const abort = new AbortController();
    const reader = projectEventStream({ projectId: project.id, afterId: "0", signal: abort.signal }).getReader();
    const received = { text: "" };
    await readUntil(reader, received, /retry: 2000/);

    const append = (client: pg.Pool, step: string) =>
      client.query(
        "with e as (insert into job_events (job_id, project_id, kind, payload) values ($1, $2, 'step', $3) returning id) select pg_notify('reelboard_job_events', $2 || ':' || id) from e",
        [job.id, project.id, JSON.stringify({ job: { id: job.id, currentStep: step } })],
      );

    await proxy.cut();
    // Several reconnection attempts fail while the database stays away; an event is written meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await append(direct, "written during the outage");
    await proxy.restore();

    await readUntil(reader, received, /written during the outage/);
    await append(direct, "written after the outage");
    await readUntil(reader, received, /written after the outage/);
    expect(received.text).not.toMatch(/out of range|ECONNREFUSED|terminated/);
    abort.abort();
  });
});
