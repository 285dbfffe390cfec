import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("the offline project agent adds a card with a prompt, and a card agent generates after approval", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Agent");
  await board.createProject("Agent test");
  await board.addColumn("Characters", "Image");

  await page.getByRole("button", { name: "Project chat" }).click();
  const chat = page.getByRole("region", { name: "Project agent" });
  await expect(chat.getByTestId("chat-model")).toHaveText("offline");
  await chat.getByLabel("Message").fill('add a card "Hero" to "Characters" with prompt "a tired keeper in an oilskin coat"');
  await chat.getByRole("button", { name: "Send" }).click();
  // The first turn after start also loads LangGraph and compiles the graph: give it time on a busy machine.
  // While the answer streams, the live bubble and the message can both show it for a moment.
  await expect(chat.getByText(/Done\. Created the card "Hero"/).first()).toBeVisible({ timeout: 30_000 });
  // The board shows the agent's card without a reload.
  await expect(board.card("Hero")).toBeVisible();

  // The card's own agent: generating waits for Approve, then the job runs to completion.
  await board.card("Hero").click();
  const dialog = page.getByRole("dialog", { name: "Hero" });
  await dialog.getByText("Card agent").click();
  const cardChat = dialog.getByRole("region", { name: "Agent for Hero" });
  await cardChat.getByLabel("Message").fill("generate it");
  await cardChat.getByRole("button", { name: "Send" }).click();
  const pending = cardChat.getByRole("group", { name: "Pending action" });
  await expect(pending).toContainText("a tired keeper in an oilskin coat");
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(cardChat.getByText(/Done\. Started generating "Hero"/).first()).toBeVisible();
  await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 20_000 });

  // Reload: the conversation is restored from the checkpoint.
  await page.reload();
  await page.getByRole("button", { name: "Project chat" }).click();
  await expect(page.getByRole("region", { name: "Project agent" }).getByText(/Done\. Created the card "Hero"/)).toBeVisible();
});
