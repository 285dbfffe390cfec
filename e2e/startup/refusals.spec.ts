import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** Runs the launcher until it exits; its exit code and everything it printed. */
async function launch(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  app.stdout!.on("data", (chunk) => (output += chunk));
  app.stderr!.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => app.once("exit", resolve));
  return { code, output };
}

test("a port already taken stops the start with the address named", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "reelboard-port-"));
  fs.chmodSync(root, 0o755);
  const net = await import("node:net");
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(3181, "127.0.0.1", resolve));
  try {
    const { code, output } = await launch({ PORT: "3181", DATA_DIR: path.join(root, "data") });
    expect(code).toBe(1);
    expect(output).toContain("cannot listen on 127.0.0.1:3181");
  } finally {
    blocker.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
