import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("every card shows its result on the board: a picture, a video frame with its length, a waveform that plays, the opening of a text", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const board = new BoardPage(page);
  await board.signUp("Previews");
  const projectId = await board.createProject("Previews");
  const columns = [
    { title: "Stills", taskType: "image", params: { prompt: "a gull over grey water", resolution: "320x240" } },
    { title: "Shots", taskType: "video", params: { prompt: "waves", durationSeconds: 2, fps: 12, resolution: "320x240" } },
    { title: "Voices", taskType: "audio", params: { text: "The light must never go out." } },
    { title: "Script", taskType: "text", params: { instructions: "A keeper guards a light. A ship is lost." } },
  ];
  for (const column of columns) {
    const created = await page.request.post(`/api/projects/${projectId}/activities`, {
      data: { title: column.title, taskType: column.taskType },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { activity } = await created.json();
    const { card } = await (
      await page.request.post(`/api/activities/${activity.id}/cards`, {
        data: { title: `${column.title} card`, generationParams: column.params },
      })
    ).json();
    expect((await page.request.post(`/api/cards/${card.id}/jobs`, { data: {} })).status()).toBe(202);
  }
  const policyErrors: string[] = [];
  page.on(
    "console",
    (message) => message.type() === "error" && /Content Security Policy/.test(message.text()) && policyErrors.push(message.text()),
  );
  await page.reload();

  const thumbnail = board.card("Stills card").getByTestId("card-thumbnail");
  await expect
    .poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth).catch(() => 0), { timeout: 30_000 })
    .toBe(320);

  const video = board.card("Shots card").getByTestId("card-video");
  await expect(video.getByTestId("card-duration")).toHaveText("0:02", { timeout: 30_000 });
  await expect.poll(() => video.locator("video").evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThanOrEqual(1);

  const waveform = board.card("Voices card").getByTestId("card-waveform");
  await expect(waveform).toBeVisible({ timeout: 30_000 });
  await waveform.getByRole("button", { name: "Play" }).click();
  await expect(waveform.getByRole("button", { name: "Pause" })).toBeVisible();
  // Playing does not open the card.
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await expect(board.card("Script card").getByTestId("card-text-snippet")).toContainText("A keeper guards a light", { timeout: 30_000 });
  expect(policyErrors).toEqual([]);
});
