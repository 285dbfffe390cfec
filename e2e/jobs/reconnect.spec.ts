import { expect, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

test("after the event stream drops and reconnects, the board catches up on what happened meanwhile", async ({ page }) => {
  const board = new BoardPage(page);
  await board.signUp("Reconnect");
  const projectId = await board.createProject("Reconnect");
  await board.addColumn("Stills", "Image");
  await board.addCards("Stills", ["Gap"]);
  const { activities } = await (await page.request.get(`/api/projects/${projectId}/board`)).json();
  const cardId: string = activities[0].cards[0].id;
  await page.request.patch(`/api/cards/${cardId}`, { data: { generationParams: { prompt: "made while away" } } });

  // The next stream opens and ends at once (as a dropped connection does), leaving an event id past
  // everything, so that the reconnection replays nothing and only a refetch can catch up; until the test
  // lets it, the reconnection waits.
  let letReconnect: () => void = () => {};
  const reconnectAllowed = new Promise<void>((resolve) => (letReconnect = resolve));
  let connections = 0;
  await page.route(/\/api\/projects\/[^/]+\/events/, async (route) => {
    connections++;
    if (connections === 1)
      return route.fulfill({ status: 200, contentType: "text/event-stream", body: "retry: 300\nid: 999999999999\n\n" });
    await reconnectAllowed;
    return route.fallback();
  });
  await page.reload();
  await expect.poll(() => connections).toBeGreaterThanOrEqual(2);

  // Meanwhile a job is made and cancelled: its events are sent while this board is not listening.
  const { job } = await (await page.request.post(`/api/cards/${cardId}/jobs`, { data: {} })).json();
  expect((await page.request.post(`/api/jobs/${job.id}/cancel`)).status()).toBe(200);

  const refetched = page.waitForRequest((request) => request.url().endsWith(`/api/projects/${projectId}/jobs`));
  letReconnect();
  await refetched;
  await board.card("Gap").click();
  await expect(page.getByRole("dialog", { name: "Gap" }).getByTestId("job-status")).toHaveText("Cancelled");
});
