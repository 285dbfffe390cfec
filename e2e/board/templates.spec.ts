import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("a project started from the Short film template opens with its columns", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Template");
  await page
    .getByRole("button", { name: /new project|create your first project/i })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Title").fill("From a template");
  await dialog.getByLabel("Start from").selectOption({ label: "Short film: script, characters, storyboard, shots, voice-over and music" });
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "From a template" })).toBeVisible();
  for (const title of ["Script", "Characters", "Storyboard", "Shots", "Voice-over", "Music"])
    await expect(board.column(title)).toBeVisible();
});
