import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("generate an image, approve it, see the badge, find it in the memory view and follow it back", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Memory");
  const projectId = await board.createProject("Memory test");
  await board.addColumn("Key art", "Image");
  await board.addCards("Key art", ["Hero frame"]);

  const dialog = await board.setPromptAndReopen("Hero frame", "The keeper on the gallery, storm light");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 20_000 });

  const results = dialog.getByRole("list", { name: "Results" });
  await results.getByRole("button", { name: "Approve" }).first().click();
  await expect(results.getByRole("button", { name: "Approved" })).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(board.card("Hero frame").getByTestId("approved-badge")).toBeVisible();

  await page.getByRole("link", { name: /Memory \(1\)/ }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/memory$`));
  const images = page.getByRole("list", { name: "Approved image assets" });
  await expect(images.getByTestId("asset")).toHaveCount(1);
  await expect(images.getByText("The keeper on the gallery, storm light").first()).toBeVisible();
  await expect.poll(() => images.getByRole("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole("button", { name: /Audio \(0\)/ }).click();
  await expect(page.getByTestId("asset")).toHaveCount(0);
  await page.getByRole("button", { name: /All \(1\)/ }).click();

  await page.getByRole("link", { name: "From card Hero frame" }).click();
  await expect(page.getByRole("dialog", { name: "Hero frame" })).toBeVisible();
});
