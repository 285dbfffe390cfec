import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("history: earlier generations with their parameters, reuse, lightbox and side-by-side compare", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("History");
  const projectId = await board.createProject("History test");
  await board.addColumn("Looks", "Image");
  await board.addCards("Looks", ["Palette"]);
  const state = await (await page.request.get(`/api/projects/${projectId}/board`)).json();
  const cardId = state.activities[0].cards[0].id as string;

  // Two generations with different prompts, made through the API as a script would.
  for (const prompt of ["first look: amber", "second look: teal"]) {
    await page.request.patch(`/api/cards/${cardId}`, { data: { generationParams: { prompt, resolution: "256x256" } } });
    const { job } = await (await page.request.post(`/api/cards/${cardId}/jobs`, { data: {} })).json();
    await expect
      .poll(async () => (await (await page.request.get(`/api/jobs/${job.id}`)).json()).job.status, { timeout: 20_000 })
      .toBe("completed");
  }
  await page.reload();

  await board.card("Palette").click();
  const dialog = page.getByRole("dialog", { name: "Palette" });
  await expect(dialog.getByLabel("Prompt", { exact: true })).toHaveValue("second look: teal");
  await dialog.getByText(/History \(2\)/).click();
  const history = dialog.getByRole("list", { name: "Generation history" });
  await expect(history.getByTestId("history-item")).toHaveCount(2);
  await expect(history.getByTestId("history-item").nth(1)).toContainText("first look: amber");

  // Lightbox.
  await dialog
    .getByRole("button", { name: /Open Result 1 of .* full size/ })
    .first()
    .click();
  const lightbox = page.getByRole("dialog", { name: /Result 1 of/ });
  await expect(lightbox.getByRole("img")).toBeVisible();
  await page.keyboard.press("Escape");

  // Compare two results side by side, each with its parameters.
  const boxes = dialog.getByRole("checkbox", { name: "Compare" });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await dialog.getByRole("button", { name: "Compare 2/2" }).click();
  const compare = page.getByRole("dialog", { name: "Compare results" });
  await expect(compare.getByRole("figure")).toHaveCount(2);
  await expect(compare).toContainText("second look: teal");
  await expect(compare).toContainText("first look: amber");
  await page.keyboard.press("Escape");

  // Use the first generation's parameters again: the card's prompt goes back to it.
  await history.getByTestId("history-item").nth(1).getByRole("button", { name: "Use these parameters again" }).click();
  await expect(dialog.getByLabel("Prompt", { exact: true })).toHaveValue("first look: amber");
  const card = (await (await page.request.get(`/api/cards/${cardId}`)).json()).card;
  expect(card.generationParams.prompt).toBe("first look: amber");
});
