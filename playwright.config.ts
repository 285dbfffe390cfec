import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

/** End-to-end tests drive Debian's Chromium against the built app on its embedded defaults. */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // A retry under CI gives a failing test a trace to read; a test that passes only on retry still fails the run.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "rm -rf .data/e2e && node_modules/.bin/tsx scripts/start.ts",
    url: `${baseURL}/sign-in`,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: ".data/e2e",
      LOCAL_GENERATION_SECONDS: "3",
      LOCAL_POLL_MS: "300",
      AUTH_RATE_LIMIT: "false",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
