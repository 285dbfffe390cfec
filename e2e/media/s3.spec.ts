import fs from "node:fs";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { startS3Server } from "../../test/s3-server";
import { startApp, stopApp, waitForApp } from "../fixtures/app-process";
import { BoardPage } from "../fixtures/board-page";

const PORT = 3160;
const BASE = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE });

test("with the S3 driver, a generated image is stored in the bucket and shown through the app", async ({ page }) => {
  test.setTimeout(180_000);
  const s3 = await startS3Server("reelboard-e2e");
  const dataDir = path.resolve(".data/e2e-s3");
  fs.rmSync(dataDir, { recursive: true, force: true });
  const app = startApp(PORT, {
    DATA_DIR: dataDir,
    S3_BUCKET: "reelboard-e2e",
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    LOCAL_GENERATION_SECONDS: "1",
    LOCAL_POLL_MS: "200",
  });
  try {
    await waitForApp(BASE);
    const board = new BoardPage(page);
    await board.signUp("S3");
    await board.createProject("Bucket test");
    await board.addColumn("Stills", "Image");
    await board.addCards("Stills", ["From the bucket"]);

    const dialog = await board.setPromptAndReopen("From the bucket", "Stored in S3");
    await dialog.getByRole("button", { name: "Generate" }).click();
    await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 30_000 });

    const image = dialog.getByRole("list", { name: "Results" }).getByRole("img").first();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1024);
    // The bytes live in the bucket, and are the ones the app shows.
    const bucket = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: s3.credentials });
    const listed = await bucket.send(new ListObjectsV2Command({ Bucket: "reelboard-e2e" }));
    const keys = (listed.Contents ?? []).map((object) => object.Key!);
    expect(keys).toEqual([expect.stringMatching(/^projects\/[0-9a-f-]{36}\/image\/[0-9a-f-]{36}\/0\.svg$/)]);
    const stored = await (await bucket.send(new GetObjectCommand({ Bucket: "reelboard-e2e", Key: keys[0] }))).Body!.transformToString();
    const shown = await page.request.get((await image.getAttribute("src"))!);
    expect(await shown.text()).toBe(stored);
    expect(fs.existsSync(path.join(dataDir, "assets"))).toBe(false);
  } finally {
    await stopApp(app);
    await s3.stop();
  }
});
