import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { startEmbeddedEngine, stopEmbeddedEngine } from "./start";

describe("starting the embedded job engine", () => {
  it("refuses, naming the option, a function it cannot honour, and starts nothing", async () => {
    const throttled = inngest.createFunction(
      { id: "throttled-at-start", triggers: [{ event: "test/throttled" }], rateLimit: { limit: 1, period: "1m" } },
      async () => "never",
    );

    await expect(startEmbeddedEngine({ functions: [throttled] })).rejects.toThrow(
      /cannot run "reelboard-throttled-at-start": it does not support rateLimit/,
    );

    // Nothing half-started stays behind: the app's own functions then start normally.
    const executor = await startEmbeddedEngine();
    expect(executor).toBeDefined();
    await stopEmbeddedEngine();
  });
});
