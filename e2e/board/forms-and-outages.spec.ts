import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("a field's error goes away once the field is edited", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Forms");
  await page
    .getByRole("button", { name: /new project|create your first project/i })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(dialog.getByText("Give it a title")).toBeVisible();
  await dialog.getByLabel("Title").fill("Named now");
  await expect(dialog.getByText("Give it a title")).toHaveCount(0);
});

test("with the server unreachable the chat says so plainly and keeps the typed message", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Outage");
  await board.createProject("Chat outage");

  await page.route(/\/api\/projects\/[^/]+\/chat$/, (route) => route.abort("connectionrefused"));
  await page.getByRole("button", { name: "Project chat" }).click();
  const chat = page.getByRole("region", { name: "Project agent" });
  await expect(chat.getByText("The conversation could not be loaded: the server is not reachable.")).toBeVisible({ timeout: 15_000 });
  await expect(chat.getByText("Loading the conversation...")).toHaveCount(0);

  await chat.getByLabel("Message").fill('add a column "Music" for audio');
  await chat.getByRole("button", { name: "Send" }).click();
  await expect(chat.getByText("The server could not be reached; your message is kept below")).toBeVisible();
  await expect(chat.getByLabel("Message")).toHaveValue('add a column "Music" for audio');
  await expect(chat.getByText("Failed to fetch")).toHaveCount(0);

  // Back online: Try again loads the thread, and the kept message goes through.
  await page.unroute(/\/api\/projects\/[^/]+\/chat$/);
  await chat.getByRole("button", { name: "Try again" }).click();
  await chat.getByRole("button", { name: "Send" }).click();
  await expect(chat.getByLabel("Message")).toHaveValue("");
  await expect(board.column("Music")).toBeVisible();
});
