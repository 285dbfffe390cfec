import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

type Job = { id: string; cardId: string; status: string; priority: number; startedAt: string | null; currentStep: string | null };

test("at most 4 jobs generate at once; the rest wait queued in priority order, show it, and can be cancelled before they start", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const board = new BoardPage(page);
  await board.signUp("Queue");
  const projectId = await board.createProject("Queue limit");
  await board.addColumn("Frames", "Image");
  // Four fill the slots; then two low-priority jobs and one high-priority job have to wait.
  const titles = ["Fill 1", "Fill 2", "Fill 3", "Fill 4", "Low 1", "Low 2", "High 1"];
  await board.addCards("Frames", titles);
  const { activities } = await (await page.request.get(`/api/projects/${projectId}/board`)).json();
  const cards: Array<{ id: string; title: string }> = activities[0].cards;
  const jobOf = new Map<string, string>();
  for (const card of cards) {
    await page.request.patch(`/api/cards/${card.id}`, { data: { generationParams: { prompt: card.title, resolution: "64x64" } } });
    const priority = card.title.startsWith("High") ? 1 : card.title.startsWith("Low") ? 3 : 2;
    const { job } = await (await page.request.post(`/api/cards/${card.id}/jobs`, { data: { priority } })).json();
    jobOf.set(card.title, job.id);
  }

  await page.getByRole("button", { name: /Job queue/ }).click();
  const panel = page.getByRole("dialog", { name: "Job queue" });
  await expect(panel.getByTestId("queue-item")).toHaveCount(7);
  await expect(panel.getByTestId("job-status").filter({ hasText: "Generating" })).toHaveCount(4);
  await expect(panel.getByTestId("job-status").filter({ hasText: "Queued" })).toHaveCount(3);
  await expect(panel.getByText(/waiting for a free slot \(\d ahead\)/).first()).toBeVisible();

  // A waiting low-priority job: cancel it from the queue before it starts.
  const lastLow = panel.getByTestId("queue-item").filter({ hasText: "Low 2" });
  await expect(lastLow.getByTestId("job-status")).toHaveText("Queued");
  await lastLow.getByRole("button", { name: "Cancel job" }).click();
  await expect(panel.getByTestId("queue-item").filter({ hasText: "Low 2" })).toHaveCount(0);

  await expect(panel.getByText("No jobs are running or waiting")).toBeVisible({ timeout: 60_000 });
  const jobs: Job[] = (await (await page.request.get(`/api/projects/${projectId}/jobs`)).json()).jobs;
  const byTitle = (title: string) => jobs.find((job) => job.id === jobOf.get(title))!;
  expect(byTitle("Low 2")).toMatchObject({ status: "cancelled", startedAt: null });
  // The high-priority job, created last, started before the low-priority one that waited longer.
  const started = (title: string) => new Date(byTitle(title).startedAt!).getTime();
  expect(started("High 1")).toBeLessThanOrEqual(started("Low 1"));
});
