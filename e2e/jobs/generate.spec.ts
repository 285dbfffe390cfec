import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("Generate: the bar reaches 100%, the result appears on the card, and Cancel stops a running job", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Gen");
  await board.createProject("Generation test");
  await board.addColumn("Stills", "Image");
  await board.addCards("Stills", ["Poster", "Teaser", "Witness"]);

  // Give the card a prompt, then generate from its detail dialog.
  await board.card("Poster").click();
  let dialog = page.getByRole("dialog", { name: "Poster" });
  await dialog.getByLabel("Prompt", { exact: true }).fill("A red lighthouse at dawn");
  await dialog.getByLabel("Resolution").fill("640x360");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  await board.card("Poster").click();
  dialog = page.getByRole("dialog", { name: "Poster" });
  await dialog.getByRole("button", { name: "Generate" }).click();
  const bar = dialog.getByRole("progressbar", { name: "Generation progress" });
  await expect(bar).toBeVisible();
  await expect(dialog.getByTestId("job-status")).toHaveText(/Generating|Queued/);
  // The bar moves while the job runs, without a reload.
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 15_000 }).toBeGreaterThan(20);
  await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 20_000 });
  // The bar gives way to the result when the job is done; the job itself reached 100%.
  const projectId = new URL(page.url()).pathname.split("/").pop()!;
  const { jobs } = await (await page.request.get(`/api/projects/${projectId}/jobs`)).json();
  expect(jobs.map((job: { status: string; progress: number }) => [job.status, job.progress])).toEqual([["completed", 1]]);
  const result = dialog.getByRole("list", { name: "Results" }).getByRole("img").first();
  await expect(result).toBeVisible();
  await expect.poll(() => result.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(640);
  await page.keyboard.press("Escape");
  await expect(board.card("Poster").getByTestId("card-thumbnail")).toBeVisible();

  // Cancel: a second job stops where it is and shows as cancelled; the queue panel lists it while it runs.
  dialog = await board.setPromptAndReopen("Teaser", "Fog over the cliffs");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByTestId("job-status")).toHaveText("Generating", { timeout: 10_000 });
  await dialog.getByRole("button", { name: "Cancel job" }).click();
  await expect(dialog.getByTestId("job-status")).toHaveText("Cancelled");
  await page.keyboard.press("Escape");

  // A job started after the cancel runs to its end: by then the cancelled one would have finished too.
  const witness = await board.setPromptAndReopen("Witness", "A second lighthouse");
  await witness.getByRole("button", { name: "Generate" }).click();
  await expect(witness.getByTestId("job-status")).toHaveText("Done", { timeout: 20_000 });
  await page.keyboard.press("Escape");
  await board.card("Teaser").click();
  dialog = page.getByRole("dialog", { name: "Teaser" });
  await expect(dialog.getByTestId("job-status")).toHaveText("Cancelled");
  await expect(dialog.getByRole("list", { name: "Results" })).toHaveCount(0);
});

test("the queue panel lists active jobs and changes their priority", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Queue");
  const projectId = await board.createProject("Queue test");
  await board.addColumn("Frames", "Image");
  await board.addCards("Frames", ["One"]);
  const board_ = await (await page.request.get(`/api/projects/${projectId}/board`)).json();
  const cardId = board_.activities[0].cards[0].id as string;
  await page.request.patch(`/api/cards/${cardId}`, { data: { generationParams: { prompt: "queued frame" } } });
  const created = await page.request.post(`/api/cards/${cardId}/jobs`, { data: { priority: 3 } });
  expect(created.status()).toBe(202);

  await page.getByRole("button", { name: /Job queue, 1 active/ }).click();
  const panel = page.getByRole("dialog", { name: "Job queue" });
  await expect(panel.getByTestId("queue-item")).toHaveCount(1);
  await expect(panel.getByText("One")).toBeVisible();
  const priority = panel.getByLabel("Priority");
  await expect(priority).toHaveValue("3");
  await priority.selectOption({ label: "High" });
  await expect.poll(async () => (await (await page.request.get(`/api/cards/${cardId}/jobs`)).json()).jobs[0].priority).toBe(1);
  // The panel follows the stream: the job leaves it when it completes.
  await expect(panel.getByText("No jobs are running or waiting")).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: /Job queue, 0 active/ })).toBeVisible();
});
