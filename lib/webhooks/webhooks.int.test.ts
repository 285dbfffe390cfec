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
    expect(verifyWebhook(hits[0]!.body, String(hits[0]!.headers["x-reelboard-signature"]), secret())).toBe(true);
    expect(verifyWebhook(hits[0]!.body, String(hits[0]!.headers["x-reelboard-signature"]), "not-the-secret")).toBe(false);
    expect(hits[0]!.headers["x-reelboard-delivery"]).toBe((await deliveryOf(job.id))[0]!.id);
  });

  it("retries with back-off when the receiver fails, and records every attempt", async () => {
    const { user, card } = await imageCard();
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: { callbackUrl: `${base}/flaky` } });
    failuresLeft = 2;

    await expect.poll(async () => (await deliveryOf(job.id))[0]?.status, { timeout: 15_000 }).toBe("delivered");
    const [delivery] = await deliveryOf(job.id);
    expect(delivery).toMatchObject({ attempts: 3, last_status_code: 204 });
    expect(received.filter((hit) => JSON.parse(hit.body).job.id === job.id)).toHaveLength(1);
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
    await expect.poll(async () => (await deliveryOf(job.id)).filter((delivery) => delivery.status === "delivered").length, { timeout: 15_000 }).toBe(2);
    const events = received.filter((hit) => JSON.parse(hit.body).job.id === job.id).map((hit) => JSON.parse(hit.body).event);
    expect(events).toEqual(["job.failed", "job.completed"]);
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
