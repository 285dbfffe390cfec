import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("a creator builds a board, drags cards by mouse and keyboard, edits parameters, and finds it all after a reload", async ({
  page,
  browser,
}) => {
  const board = new BoardPage(page);
  await board.signUp("Mira");
  const projectId = await board.createProject("The Lighthouse Keeper");

  await board.addColumn("Storyboard", "Image");
  await board.addColumn("Voices", "Audio");
  await board.addCards("Storyboard", ["Shot 1", "Shot 2", "Shot 3"]);
  expect(await board.cardTitles("Storyboard")).toEqual(["Shot 1", "Shot 2", "Shot 3"]);

  // Mouse: drag "Shot 1" into the empty Voices column.
  await board.expectMoveSaved(async () => {
    const from = (await board.card("Shot 1").boundingBox())!;
    const to = (await board.column("Voices").boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
    await page.mouse.move(to.x + to.width / 2, to.y + 70, { steps: 5 });
    await page.mouse.up();
  });
  expect(await board.cardTitles("Voices")).toEqual(["Shot 1"]);

  // Keyboard: pick up "Shot 3", move it to the Voices column, drop it, following the screen-reader announcements.
  const announcement = page.locator("[id^='DndLiveRegion']").first();
  await board.expectMoveSaved(async () => {
    await board.card("Shot 3").focus();
    await page.keyboard.press("Space");
    await expect(announcement).toContainText("Picked up card Shot 3");
    await page.keyboard.press("ArrowRight");
    await expect(announcement).toContainText(/card Shot 3 is over .*column Voices/);
    await page.keyboard.press("Space");
  });
  await expect(announcement).toContainText(/Dropped card Shot 3 at position \d of 2 in column Voices/);
  expect(await board.cardTitles("Storyboard")).toEqual(["Shot 2"]);
  expect((await board.cardTitles("Voices")).sort()).toEqual(["Shot 1", "Shot 3"]);
  const voicesOrder = await board.cardTitles("Voices");

  // Parameters: an invalid value shows a field error and saves nothing; a valid one is saved.
  await board.card("Shot 2").click();
  const dialog = page.getByRole("dialog", { name: "Shot 2" });
  await dialog.getByLabel("Prompt", { exact: true }).fill("A lighthouse in a storm, wide shot");
  await dialog.getByLabel("Number of images").fill("9");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("At most 8")).toBeVisible();
  await dialog.getByLabel("Number of images").fill("4");
  await dialog.getByLabel("Resolution").fill("1280x720");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // Reload: order and parameters are as they were left.
  await page.reload();
  expect(await board.cardTitles("Storyboard")).toEqual(["Shot 2"]);
  expect(await board.cardTitles("Voices")).toEqual(voicesOrder);
  await expect(board.column("Storyboard").getByText("A lighthouse in a storm, wide shot")).toBeVisible();
  await board.card("Shot 2").click();
  await expect(page.getByRole("dialog", { name: "Shot 2" }).getByLabel("Number of images")).toHaveValue("4");
  await expect(page.getByRole("dialog", { name: "Shot 2" }).getByLabel("Resolution")).toHaveValue("1280x720");

  // Another user cannot open this project by its URL, in the page or through the API.
  const strangerContext = await browser.newContext();
  const stranger = new BoardPage(await strangerContext.newPage());
  await stranger.signUp("Stranger");
  await stranger.page.goto(`/projects/${projectId}`);
  await expect(stranger.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(stranger.page.getByText("The Lighthouse Keeper")).toHaveCount(0);
  const apiAnswer = await stranger.page.request.get(`/api/projects/${projectId}/board`);
  expect(apiAnswer.status()).toBe(404);
  await strangerContext.close();
});

test("a move the server refuses is rolled back with a message", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp();
  await board.createProject("Rollback test");
  await board.addColumn("Scenes", "Video");
  await board.addCards("Scenes", ["First", "Second"]);

  // The refusal is held back until the optimistic move has been seen on the board.
  let refuse: () => void = () => {};
  const refused = new Promise<void>((resolve) => (refuse = resolve));
  await page.route(/\/api\/cards\/[^/]+\/move$/, async (route) => {
    await refused;
    await route.fulfill({
      status: 409,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "conflict", message: "The column changed while you were moving" } }),
    });
  });
  const announcement = page.locator("[id^='DndLiveRegion']").first();
  await board.card("Second").focus();
  await page.keyboard.press("Space");
  await expect(announcement).toContainText("Picked up card Second");
  await page.keyboard.press("ArrowUp");
  await expect(announcement).toContainText("card Second is over position 1 of 2 in column Scenes");
  await page.keyboard.press("Space");
  await expect.poll(() => board.cardTitles("Scenes")).toEqual(["Second", "First"]);
  refuse();

  await expect(page.getByText(/The card was put back: The column changed/)).toBeVisible();
  await expect.poll(() => board.cardTitles("Scenes")).toEqual(["First", "Second"]);
});
