import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { startApp, stopApp, waitForApp } from "../fixtures/app-process";

/** Signs up through the real auth route and returns the Set-Cookie header of the session token. */
async function signUp(api: APIRequestContext, origin: string): Promise<string> {
  const email = `cookie-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const response = await api.post("/api/auth/sign-up/email", {
    headers: { origin },
    data: { name: "Cookie", email, password: "correct-horse-battery" },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const cookie = response
    .headersArray()
    .find((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("session_token="));
  expect(cookie, "a session cookie was set").toBeDefined();
  return cookie!.value;
}

const isSecure = (setCookie: string) => /;\s*secure(;|$)/i.test(setCookie);

test("without APP_URL, over http, the session cookie is not Secure (production mode)", async ({ request, baseURL }) => {
  const setCookie = await signUp(request, baseURL!);
  expect(setCookie.startsWith("better-auth.session_token=")).toBe(true);
  expect(isSecure(setCookie)).toBe(false);
});

test("the session cookie follows the scheme of APP_URL", async ({ playwright }) => {
  test.setTimeout(540_000);
  const cases = [
    { port: 3161, appUrl: "http://192.168.1.5:3161", secure: false },
    { port: 3162, appUrl: "https://reelboard.example.com", secure: true },
  ];
  // One app at a time: each may build first when sources changed, and two builds would share .next.
  for (const { port, appUrl, secure } of cases) {
    const dataDir = path.resolve(`.data/e2e-cookies-${port}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const app = startApp(port, { DATA_DIR: dataDir, APP_URL: appUrl });
    try {
      await waitForApp(`http://127.0.0.1:${port}`, 240_000);
      const api = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
      const setCookie = await signUp(api, new URL(appUrl).origin);
      expect(setCookie.startsWith("__Secure-better-auth.session_token="), appUrl).toBe(secure);
      expect(isSecure(setCookie), appUrl).toBe(secure);
      await api.dispose();
    } finally {
      await stopApp(app);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
});
