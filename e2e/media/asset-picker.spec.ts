import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("a video's reference is picked from the approved images, not typed, and the animatic uses it", async ({ page }) => {
  test.setTimeout(90_000);
  const board = new BoardPage(page);
  await board.signUp("Picker");
  const projectId = await board.createProject("Picker");
  const column = async (title: string, taskType: string) =>
    (await (await page.request.post(`/api/projects/${projectId}/activities`, { data: { title, taskType } })).json()).activity.id as string;
  const card = async (activityId: string, title: string, generationParams: object) =>
    (await (await page.request.post(`/api/activities/${activityId}/cards`, { data: { title, generationParams } })).json()).card
      .id as string;
  const stills = await column("Stills", "image");
  const voices = await column("Voices", "audio");
  const shots = await column("Shots", "video");
  const approve = async (cardId: string, title: string) => {
    const { job } = await (await page.request.post(`/api/cards/${cardId}/jobs`, { data: {} })).json();
    await expect
      .poll(async () => (await (await page.request.get(`/api/jobs/${job.id}`)).json()).job.status, { timeout: 30_000 })
      .toBe("completed");
    const { job: done } = await (await page.request.get(`/api/jobs/${job.id}`)).json();
    expect((await page.request.post(`/api/media/${done.media[0].id}/approve`, { data: { title } })).status()).toBe(201);
  };
  await approve(await card(stills, "Harbour still", { prompt: "a harbour at dusk", resolution: "320x240" }), "Harbour at dusk");
  await approve(await card(voices, "Line", { text: "Hello" }), "A spoken line");
  await card(shots, "Push in", { prompt: "slow push in", durationSeconds: 1, fps: 12, resolution: "320x240" });
  await page.reload();

  await board.card("Push in").click();
  const dialog = page.getByRole("dialog", { name: "Push in" });
  const picker = dialog.getByLabel("Reference image");
  await expect(picker.locator("option")).toHaveText(["None: a frame drawn from the prompt", "Harbour at dusk"]);
  await picker.selectOption({ label: "Harbour at dusk" });
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 30_000 });
  const { assets } = await (await page.request.get(`/api/projects/${projectId}/assets?type=image`)).json();
  const { jobs } = await (await page.request.get(`/api/projects/${projectId}/jobs`)).json();
  expect(jobs.find((job: { params: { prompt?: string } }) => job.params.prompt === "slow push in").params.referenceAssetId).toBe(
    assets[0].id,
  );
  await page.keyboard.press("Escape");

  await board.card("Push in").click();
  await expect(page.getByRole("dialog", { name: "Push in" }).getByLabel("Reference image").locator("option:checked")).toHaveText(
    "Harbour at dusk",
  );
});
