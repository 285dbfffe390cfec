import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("keyboard dragging crosses columns both ways, and the announcements give the true position", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Keys");
  await board.createProject("Keyboard moves");
  await board.addColumn("Left", "Image");
  await board.addColumn("Right", "Image");
  await board.addCards("Left", ["L1", "L2"]);
  await board.addCards("Right", ["R1", "R2"]);
  const announcement = page.locator("[id^='DndLiveRegion']").first();

  // ArrowLeft takes R2 into the column on the left (it used to move up its own column).
  await board.expectMoveSaved(async () => {
    await board.card("R2").focus();
    await page.keyboard.press("Space");
    await expect(announcement).toContainText("Picked up card R2, at position 2 of 2 in column Right");
    await page.keyboard.press("ArrowLeft");
    await expect(announcement).toContainText("card R2 is over position 1 of 2 in column Left");
    await page.keyboard.press("Space");
  });
  await expect(announcement).toContainText("Dropped card R2 at position 1 of 3 in column Left");
  expect(await board.cardTitles("Left")).toEqual(["R2", "L1", "L2"]);
  expect(await board.cardTitles("Right")).toEqual(["R1"]);

  // ArrowDown within a column: the drop is announced where the card ends up.
  await board.expectMoveSaved(async () => {
    await board.card("L1").focus();
    await page.keyboard.press("Space");
    await expect(announcement).toContainText("Picked up card L1, at position 2 of 3 in column Left");
    await page.keyboard.press("ArrowDown");
    await expect(announcement).toContainText("card L1 is over position 3 of 3 in column Left");
    await page.keyboard.press("Space");
  });
  await expect(announcement).toContainText("Dropped card L1 at position 3 of 3 in column Left");
  expect(await board.cardTitles("Left")).toEqual(["R2", "L2", "L1"]);

  // And ArrowRight back again, after a reload: the server kept every move.
  await page.reload();
  await board.expectMoveSaved(async () => {
    await board.card("L2").focus();
    await page.keyboard.press("Space");
    await expect(announcement).toContainText("Picked up card L2");
    await page.keyboard.press("ArrowRight");
    await expect(announcement).toContainText(/card L2 is over .*column Right/);
    await page.keyboard.press("Space");
  });
  expect(await board.cardTitles("Right")).toEqual(["L2", "R1"]);
  expect(await board.cardTitles("Left")).toEqual(["R2", "L1"]);
});
