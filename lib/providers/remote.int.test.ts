import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { updateCard } from "@/lib/boards/cards";
import { setRuntimeEnv } from "@/lib/env";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import { sql } from "kysely";
import { getDb } from "@/db";
import { cancelJob, createJob, getJob } from "@/lib/jobs/jobs";
import { getStorage } from "@/lib/storage";
import { generationParamsSchemas } from "@/lib/validations/generation-params";
import { silentWav, startFakeAiServer, tinyPng } from "@/test/fake-ai-server";
import { createBoard, createUser } from "@/test/seed";
import { openaiImageProvider, openaiSpeechProvider } from "./openai";
import type { Provider } from "./types";

let fake: Awaited<ReturnType<typeof startFakeAiServer>>;
const projectId = "22222222-2222-4222-8222-222222222222";

beforeAll(async () => {
  fake = await startFakeAiServer();
  setRuntimeEnv("OPENAI_API_KEY", "sk-test");
  setRuntimeEnv("OPENAI_BASE_URL", `${fake.base}/v1`);
  setRuntimeEnv("REPLICATE_API_TOKEN", "r8-test");
  setRuntimeEnv("REPLICATE_BASE_URL", `${fake.base}/v1`);
  await startEmbeddedEngine();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  setRuntimeEnv("PROVIDER_TIMEOUT_MS", "5000");
});

const imageParams = generationParamsSchemas.image.parse({
  model: "openai/gpt-image-1",
  prompt: "a harbour at night",
  resolution: "1024x1024",
});

async function poll(provider: Provider, params: object) {
  return provider.poll({
    jobId: crypto.randomUUID(),
    projectId,
    params: params as never,
    externalId: "{}",
    signal: new AbortController().signal,
    onProgress: async () => {},
  });
}

describe("OpenAI-compatible providers against a loopback server", () => {
  it("waits out a 429 with Retry-After, then stores the image it was sent", async () => {
    const png = await tinyPng(32, 16);
    fake.script(
      "POST /v1/images/generations",
      fake.json(429, { error: { message: "slow down" } }, { "retry-after": "1" }),
      fake.json(200, { data: [{ b64_json: png.toString("base64") }] }),
    );
    const before = fake.requests.length;

    const started = Date.now();
    const result = await poll(openaiImageProvider, imageParams);

    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const calls = fake.requests.slice(before);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers.authorization).toBe("Bearer sk-test");
    expect(JSON.parse(calls[1]!.body)).toMatchObject({ model: "gpt-image-1", prompt: "a harbour at night", size: "1024x1024", n: 1 });
    expect(result).toMatchObject({ status: "done", files: [{ mime: "image/png", width: 32, height: 16 }] });
    if (result.status === "done") expect((await getStorage().stat(result.files[0]!.storageKey))?.size).toBe(png.byteLength);
  });

  it("hands a 500 back to the engine to retry, and gives up at once on a 400 with the provider's message", async () => {
    fake.script("POST /v1/images/generations", fake.json(500, { error: { message: "overloaded" } }));
    const retriable = await poll(openaiImageProvider, imageParams).catch((error: unknown) => error);
    expect(retriable).toBeInstanceOf(Error);
    expect(retriable).not.toBeInstanceOf(NonRetriableError);
    expect((retriable as Error).message).toBe("OpenAI answered 500: overloaded");

    fake.script("POST /v1/images/generations", fake.json(400, { error: { message: "Your prompt was rejected by the safety system" } }));
    await expect(poll(openaiImageProvider, imageParams)).rejects.toSatisfy(
      (error) =>
        error instanceof NonRetriableError && error.message === "OpenAI answered 400: Your prompt was rejected by the safety system",
    );
  });

  it("tells retriable failures (timeout, 503 after its waits, network) from final ones (malformed body, 4xx)", async () => {
    const failure = (params = imageParams) =>
      poll(openaiImageProvider, params).then(
        () => new Error("no failure"),
        (error: unknown) => error as Error,
      );
    const isRetried = (error: Error) => !(error instanceof NonRetriableError);

    fake.script("POST /v1/images/generations", { status: 200, body: "<html>gateway</html>", headers: { "content-type": "text/html" } });
    const malformed = await failure();
    expect(malformed.message).toMatch(/malformed answer/);
    expect(isRetried(malformed)).toBe(false);

    fake.script("POST /v1/images/generations", fake.json(404, { error: { message: "No such model" } }));
    expect(isRetried(await failure())).toBe(false);

    setRuntimeEnv("PROVIDER_TIMEOUT_MS", "200");
    fake.script("POST /v1/images/generations", { ...fake.json(200, { data: [] }), delayMs: 1000 });
    const timeout = await failure();
    expect(timeout.message).toMatch(/OpenAI could not be reached: no answer within 0.2 s/);
    expect(isRetried(timeout)).toBe(true);

    setRuntimeEnv("PROVIDER_TIMEOUT_MS", "5000");
    fake.script("POST /v1/images/generations", fake.json(503, { error: { message: "maintenance" } }, { "retry-after": "0" }));
    const before = fake.requests.length;
    const unavailable = await failure();
    expect(fake.requests.length - before).toBe(3);
    expect(unavailable.message).toBe("OpenAI answered 503: maintenance");
    expect(isRetried(unavailable)).toBe(true);

    setRuntimeEnv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
    try {
      const network = await failure();
      expect(network.message).toMatch(/OpenAI could not be reached/);
      expect(isRetried(network)).toBe(true);
    } finally {
      setRuntimeEnv("OPENAI_BASE_URL", `${fake.base}/v1`);
    }
  });

  it("stores speech as WAV with its duration", async () => {
    fake.script("POST /v1/audio/speech", { status: 200, body: silentWav(0.5), headers: { "content-type": "audio/wav" } });
    const result = await poll(
      openaiSpeechProvider,
      generationParamsSchemas.audio.parse({ model: "openai/gpt-4o-mini-tts", text: "Hello there", voice: "alloy" }),
    );
    expect(result).toMatchObject({ status: "done", files: [{ mime: "audio/wav", duration: 0.5 }] });
  });
});

describe("Replicate predictions through the job engine", () => {
  async function replicateCard(model: string) {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 1);
    const card = activities[0]!.cards[0]!;
    await updateCard({
      ownerId: user.id,
      cardId: card.id,
      input: { generationParams: { model, prompt: "a storm over the sea", resolution: "512x512" } },
    });
    return { user, card };
  }

  it("submits, polls between durable sleeps, downloads the output and completes the job", async () => {
    const png = await tinyPng(64, 64);
    fake.script("POST /v1/models/acme/painter/predictions", fake.json(201, { id: "p-ok", status: "starting" }));
    fake.script(
      "GET /v1/predictions/p-ok",
      fake.json(200, { id: "p-ok", status: "processing", logs: "step 5/10 50%" }),
      fake.json(200, { id: "p-ok", status: "succeeded", output: [`${fake.base}/files/p-ok.png`] }),
    );
    fake.script("GET /files/p-ok.png", { status: 200, body: png, headers: { "content-type": "image/png" } });
    const { user, card } = await replicateCard("replicate/acme/painter");

    const job = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    expect(job.provider).toBe("replicate-image");
    await expect.poll(async () => (await getJob({ ownerId: user.id, jobId: job.id })).status, { timeout: 20_000 }).toBe("completed");

    const done = await getJob({ ownerId: user.id, jobId: job.id });
    expect(done.media).toMatchObject([{ mime: "image/png", fileSize: png.byteLength, width: 64, height: 64 }]);
    const submitted = fake.requests.find((request) => request.route === "POST /v1/models/acme/painter/predictions");
    expect(JSON.parse(submitted!.body)).toMatchObject({ input: { prompt: "a storm over the sea", width: 512, height: 512 } });
    expect(fake.requests.filter((request) => request.route === "GET /v1/predictions/p-ok").length).toBeGreaterThanOrEqual(2);
  });

  it("fails the job with Replicate's reason when the prediction fails", async () => {
    fake.script("POST /v1/models/acme/broken/predictions", fake.json(201, { id: "p-bad", status: "starting" }));
    fake.script("GET /v1/predictions/p-bad", fake.json(200, { id: "p-bad", status: "failed", error: "CUDA out of memory" }));
    const { user, card } = await replicateCard("replicate/acme/broken");

    const job = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    await expect.poll(async () => (await getJob({ ownerId: user.id, jobId: job.id })).status, { timeout: 20_000 }).toBe("failed");
    expect((await getJob({ ownerId: user.id, jobId: job.id })).error).toBe("Replicate prediction failed: CUDA out of memory");
  });

  it("a cancel reaches the engine as an event and aborts the provider call in flight", async () => {
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 1);
    const card = activities[0]!.cards[0]!;
    await updateCard({
      ownerId: user.id,
      cardId: card.id,
      input: { generationParams: { model: "openai/gpt-image-1", prompt: "a call that never ends" } },
    });
    setRuntimeEnv("PROVIDER_TIMEOUT_MS", "60000");
    fake.script("POST /v1/images/generations", { ...fake.json(200, { data: [] }), delayMs: 30_000 });
    const before = { requests: fake.requests.length, aborted: fake.aborted.length };

    const job = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    await expect.poll(() => fake.requests.length, { timeout: 15_000 }).toBeGreaterThan(before.requests);
    await cancelJob({ ownerId: user.id, jobId: job.id });

    // The server was told to answer in 30 s: only an abort ends the call sooner.
    await expect.poll(() => fake.aborted.slice(before.aborted), { timeout: 10_000 }).toContain("POST /v1/images/generations");
    const { rows } = await sql<{
      status: string;
      error: string;
    }>`select status, error from engine_runs where event -> 'data' ->> 'jobId' = ${job.id}`.execute(getDb());
    const [run] = rows;
    expect(run).toMatchObject({ status: "cancelled", error: "cancelled by event" });
    expect(await getJob({ ownerId: user.id, jobId: job.id })).toMatchObject({ status: "cancelled", media: [] });
  });
});
