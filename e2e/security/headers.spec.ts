import { expect, type Page, type Response, test } from "@playwright/test";
import { BoardPage } from "../fixtures/board-page";

/** Collects the console errors Chromium reports when the Content-Security-Policy blocks something. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

function expectPageHeaders(response: Response | null): string {
  expect(response, "the page answered").not.toBeNull();
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  return policy;
}

test("pages carry a nonce-based CSP and the security headers, and the app runs under them", async ({ page }) => {
  const violations = cspViolations(page);

  // A fresh nonce per response, and Next's own scripts carry it.
  const first = expectPageHeaders(await page.goto("/sign-in"));
  const nonce = first.match(/'nonce-([^']+)'/)![1];
  expect(await page.locator(`script[src][nonce]`).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.scripts].every((script) => script.nonce !== ""))).toBe(true);
  const second = expectPageHeaders(await page.goto("/sign-in"));
  expect(second).not.toContain(nonce);

  // Sign up, make a project and use the board: forms, fetches, drag-and-drop styles, the live event
  // stream and generated images all work under the policy.
  const board = new BoardPage(page);
  await board.signUp("Policy");
  const projectId = await board.createProject("Policy test");
  expectPageHeaders(await page.goto(`/projects/${projectId}`));
  await board.addColumn("Stills", "Image");
  await board.addCards("Stills", ["Frame"]);
  const dialog = await board.setPromptAndReopen("Frame", "A lantern in the rain");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByTestId("job-status")).toHaveText("Done", { timeout: 30_000 });
  const result = dialog.getByRole("list", { name: "Results" }).getByRole("img").first();
  await expect.poll(() => result.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

  expect(violations).toEqual([]);
});

test("API answers carry nosniff and the referrer policy", async ({ request }) => {
  const response = await request.get("/api/projects");
  expect(response.status()).toBe(401);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});
