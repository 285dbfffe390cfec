import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("speech and video: generate, then the players load and show the duration", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Players");
  const projectId = await board.createProject("Players test");
  await board.addColumn("Voice", "Audio");
  await board.addColumn("Shots", "Video");
  await board.addCards("Voice", ["Opening line"]);
  await board.addCards("Shots", ["Establishing"]);
  const state = await (await page.request.get(`/api/projects/${projectId}/board`)).json();
  const [voiceCard, shotCard] = [state.activities[0].cards[0].id, state.activities[1].cards[0].id] as string[];
  await page.request.patch(`/api/cards/${voiceCard}`, {
    data: { generationParams: { text: "The light must not go out tonight.", voice: "en-gb", speed: 1 } },
  });
  await page.request.patch(`/api/cards/${shotCard}`, {
    data: { generationParams: { prompt: "A lighthouse at dusk", durationSeconds: 3, fps: 12, resolution: "320x240" } },
  });
  await page.reload();

  await board.card("Opening line").click();
  let dialog = page.getByRole("dialog", { name: "Opening line" });
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 20_000 });
  const audio = dialog.locator("audio");
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration), { timeout: 10_000 }).toBeGreaterThan(1);
  await expect(dialog.locator("figcaption")).toHaveText(/^0:0[1-9]$/);
  await page.keyboard.press("Escape");

  await board.card("Establishing").click();
  dialog = page.getByRole("dialog", { name: "Establishing" });
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 30_000 });
  const video = dialog.locator("video");
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.duration), { timeout: 10_000 }).toBeCloseTo(3, 0);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth)).toBe(320);
  await expect(dialog.locator("figcaption")).toHaveText("0:03 · 320x240");
});
