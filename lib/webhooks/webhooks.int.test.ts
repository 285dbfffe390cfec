import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { updateCard } from "@/lib/boards/cards";
import { env, setRuntimeEnv } from "@/lib/env";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import { cancelJob, createJob, retryJob } from "@/lib/jobs/jobs";
import { failJob } from "@/lib/jobs/run-steps";
import { createBoard, createUser } from "@/test/seed";
import { createHmac } from "node:crypto";
import { verifyWebhook } from "./signature";

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
/** Every request, answered 2xx or not. */
const attempts: Received[] = [];
let failuresLeft = 0;
let receiver: http.Server;
let base = "";

beforeAll(async () => {
  setRuntimeEnv("WEBHOOK_ALLOW_PRIVATE", "true");
  setRuntimeEnv("ENGINE_RETRY_BASE_MS", "20");
  await startEmbeddedEngine();
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      attempts.push({ headers: request.headers, body });
      if (request.url === "/always-down") {
        response.writeHead(503).end("down");
        return;
      }
      if (failuresLeft > 0) {
        failuresLeft--;
        response.writeHead(500).end("try later");
        return;
      }
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

const secret = () => createHmac("sha256", env.AUTH_SECRET!).update("reelboard webhook signing secret").digest("hex");

/** What a receiver following the README does, written here independently of the app's own code. */
function receiverAccepts(hit: Received, key: string, nowSeconds = Date.now() / 1000): boolean {
  const header = String(hit.headers["x-reelboard-signature"] ?? "");
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", key).update(`${match[1]}.${hit.body}`).digest("hex");
  return expected === match[2] && Math.abs(nowSeconds - Number(match[1])) <= 300;
}

async function imageCard() {
  const user = await createUser();
  const { activities } = await createBoard(user.id, ["image"], 1);
  const card = activities[0]!.cards[0]!;
  await updateCard({ ownerId: user.id, cardId: card.id, input: { generationParams: { prompt: "hooked", resolution: "64x64" } } });
  return { user, card };
}

async function deliveryOf(jobId: string) {
  return getDb().selectFrom("webhook_deliveries").selectAll().where("job_id", "=", jobId).execute();
}

describe("job webhooks", () => {
  it("delivers one signed terminal webhook when a job completes", async () => {
    const { user, card } = await imageCard();
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { callbackUrl: `${base}/done` } });

    await expect.poll(async () => (await deliveryOf(job.id))[0]?.status, { timeout: 15_000 }).toBe("delivered");
    const hits = received.filter((hit) => JSON.parse(hit.body).job.id === job.id);
    expect(hits).toHaveLength(1);
    const body = JSON.parse(hits[0]!.body);
    expect(body).toMatchObject({ event: "job.completed", job: { id: job.id, status: "completed" } });
    expect(body.job.media).toHaveLength(1);
    expect(receiverAccepts(hits[0]!, secret())).toBe(true);
    expect(receiverAccepts(hits[0]!, "not-the-secret")).toBe(false);
    expect(receiverAccepts({ ...hits[0]!, body: hits[0]!.body.replace("completed", "failed") }, secret())).toBe(false);
    // Six minutes later the same delivery is stale: a replay is refused by the five-minute rule.
    expect(receiverAccepts(hits[0]!, secret(), Date.now() / 1000 + 360)).toBe(false);
    // The app's own verifier agrees with the receiver's.
    expect(verifyWebhook(hits[0]!.body, String(hits[0]!.headers["x-reelboard-signature"]), secret())).toBe(true);
    expect(hits[0]!.headers["x-reelboard-delivery"]).toBe((await deliveryOf(job.id))[0]!.id);
    expect(hits[0]!.headers["x-reelboard-event"]).toBe("job.completed");
  });

  it("retries with back-off when the receiver fails, and records every attempt", async () => {
    const { user, card } = await imageCard();
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { callbackUrl: `${base}/flaky` } });
    failuresLeft = 2;

    await expect.poll(async () => (await deliveryOf(job.id))[0]?.status, { timeout: 15_000 }).toBe("delivered");
    const [delivery] = await deliveryOf(job.id);
    expect(delivery).toMatchObject({ attempts: 3, last_status_code: 204 });
    expect(received.filter((hit) => JSON.parse(hit.body).job.id === job.id)).toHaveLength(1);
    const tries = attempts.filter((hit) => JSON.parse(hit.body).job.id === job.id);
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((hit) => hit.headers["x-reelboard-delivery"]))).toEqual(new Set([delivery!.id]));
    expect(tries.every((hit) => receiverAccepts(hit, secret()))).toBe(true);
  });

  it("sends one delivery for a cancelled job, and none twice", async () => {
    const { user, card } = await imageCard();
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { callbackUrl: `${base}/cancelled` } });
    await cancelJob({ ownerId: user.id, jobId: job.id });

    await expect.poll(async () => (await deliveryOf(job.id))[0]?.status, { timeout: 15_000 }).toBe("delivered");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const hits = received.filter((hit) => JSON.parse(hit.body).job.id === job.id);
    expect(hits.map((hit) => JSON.parse(hit.body).event)).toEqual(["job.cancelled"]);
  });

  it("delivers each terminal state a job reaches: failed, then completed after a retry", async () => {
    const { user, card } = await imageCard();
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { callbackUrl: `${base}/twice` } });
    await failJob({ jobId: job.id, message: "the provider was down" });
    await expect.poll(async () => (await deliveryOf(job.id))[0]?.status, { timeout: 15_000 }).toBe("delivered");

    await retryJob({ ownerId: user.id, jobId: job.id });
    await expect
      .poll(async () => (await deliveryOf(job.id)).filter((delivery) => delivery.status === "delivered").length, { timeout: 15_000 })
      .toBe(2);
    const hits = received.filter((hit) => JSON.parse(hit.body).job.id === job.id);
    expect(hits.map((hit) => JSON.parse(hit.body).event)).toEqual(["job.failed", "job.completed"]);
    expect(hits.map((hit) => hit.headers["x-reelboard-event"])).toEqual(["job.failed", "job.completed"]);
    expect(JSON.parse(hits[0]!.body).job).toMatchObject({ status: "failed", error: "the provider was down" });
    expect(hits.every((hit) => receiverAccepts(hit, secret()))).toBe(true);
  });

  it("gives up after the retries and records the delivery as failed", async () => {
    const { user, card } = await imageCard();
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { callbackUrl: `${base}/always-down` } });

    await expect.poll(async () => (await deliveryOf(job.id))[0]?.status, { timeout: 20_000 }).toBe("failed");
    const [delivery] = await deliveryOf(job.id);
    expect(delivery).toMatchObject({ attempts: 6, last_status_code: 503, last_error: expect.stringContaining("503") });
    expect(attempts.filter((hit) => JSON.parse(hit.body).job.id === job.id)).toHaveLength(6);
  });

  it("refuses private and loopback targets unless allowed", async () => {
    const { user, card } = await imageCard();
    setRuntimeEnv("WEBHOOK_ALLOW_PRIVATE", "false");
    try {
      await expect(createJob({ ownerId: user.id, cardId: card.id, input: { callbackUrl: `${base}/nope` } })).rejects.toMatchObject({
        code: "validation_failed",
        fields: { callbackUrl: [expect.stringContaining("Private and loopback")] },
      });
    } finally {
      setRuntimeEnv("WEBHOOK_ALLOW_PRIVATE", "true");
    }
  });
});
