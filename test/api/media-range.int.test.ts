import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mediaRoute from "@/app/api/media/[mediaId]/route";
import { updateCard } from "@/lib/boards/cards";
import { setRuntimeEnv } from "@/lib/env";
import { startEmbeddedEngine } from "@/lib/jobs/engine/start";
import { createJob, getJob } from "@/lib/jobs/jobs";
import { startS3Server } from "@/test/s3-server";
import { BASE_URL, createBoard, createUser, type TestUser } from "@/test/seed";

let s3: Awaited<ReturnType<typeof startS3Server>>;
const resetStorage = () => ((globalThis as { __reelboardStorage?: unknown }).__reelboardStorage = undefined);

beforeAll(async () => {
  s3 = await startS3Server("range-assets");
  await startEmbeddedEngine();
});
afterAll(async () => {
  resetStorage();
  await s3.stop();
});

const drivers = [
  // Local disk first: nothing to set (the S3 case sets its variables after it).
  { name: "local disk", use: () => {} },
  {
    name: "S3",
    use: () => {
      setRuntimeEnv("S3_BUCKET", "range-assets");
      setRuntimeEnv("S3_ENDPOINT", s3.endpoint);
      setRuntimeEnv("S3_FORCE_PATH_STYLE", "true");
      setRuntimeEnv("S3_ACCESS_KEY_ID", s3.credentials.accessKeyId);
      setRuntimeEnv("S3_SECRET_ACCESS_KEY", s3.credentials.secretAccessKey);
    },
  },
];

function get(user: TestUser, mediaId: string, range?: string) {
  const headers: Record<string, string> = { host: "localhost:3000", cookie: user.cookie, ...(range && { range }) };
  return mediaRoute.GET(new Request(`${BASE_URL}/api/media/${mediaId}`, { headers }), { params: Promise.resolve({ mediaId }) });
}

describe.each(drivers)("media bytes by Range, from $name", (driver) => {
  it("answers whole, ranged, open-ended and suffix requests, and 416 outside the file", async () => {
    driver.use();
    resetStorage();
    const user = await createUser();
    const { activities } = await createBoard(user.id, ["image"], 1);
    const card = activities[0]!.cards[0]!;
    await updateCard({
      ownerId: user.id,
      cardId: card.id,
      input: { generationParams: { prompt: `ranges from ${driver.name}`, resolution: "64x64" } },
    });
    const job = await createJob({ ownerId: user.id, cardId: card.id, input: {} });
    await expect.poll(async () => (await getJob({ ownerId: user.id, jobId: job.id })).status, { timeout: 15_000 }).toBe("completed");
    const mediaId = (await getJob({ ownerId: user.id, jobId: job.id })).media[0]!.id;

    const whole = await get(user, mediaId);
    expect(whole.status).toBe(200);
    const bytes = new Uint8Array(await whole.arrayBuffer());
    const size = bytes.byteLength;
    expect(size).toBeGreaterThan(100);
    expect(whole.headers.get("content-length")).toBe(String(size));

    const cases: Array<[string, number, number]> = [
      ["bytes=0-9", 0, 9],
      ["bytes=10-", 10, size - 1],
      ["bytes=-20", size - 20, size - 1],
      [`bytes=5-${size + 100}`, 5, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await get(user, mediaId, range);
      expect(response.status, range).toBe(206);
      expect(response.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get("content-length"), range).toBe(String(end - start + 1));
      expect(new Uint8Array(await response.arrayBuffer()), range).toEqual(bytes.slice(start, end + 1));
    }

    for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 9}`, "bytes=9-3"]) {
      const response = await get(user, mediaId, range);
      expect(response.status, range).toBe(416);
      expect(response.headers.get("content-range"), range).toBe(`bytes */${size}`);
    }
    expect((await get(user, mediaId, "pages=1-2")).status).toBe(200);
  });
});
