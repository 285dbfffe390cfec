import { describe, expect, it } from "vitest";
import { sleepDueAt } from "./sleep-time";
import { signBody } from "./signing";

describe("sleep op times", () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);

  it.each([
    ["500ms", 500],
    ["1s", 1000],
    ["1m30s", 90_000],
    ["2h", 7_200_000],
    ["1d", 86_400_000],
  ])("reads the duration %s", (name, ms) => {
    expect(sleepDueAt(name, now).getTime()).toBe(now + ms);
  });

  it("reads a sleepUntil date", () => {
    expect(sleepDueAt("2026-11-23T08:00:00.000Z", now).toISOString()).toBe("2026-11-23T08:00:00.000Z");
  });

  it("refuses what it cannot read", () => {
    expect(() => sleepDueAt("soon", now)).toThrow(/Cannot read the sleep time/);
  });
});

describe("request signing", () => {
  it("signs the canonical body with the key's secret part and the timestamp", () => {
    const { body, signature } = signBody({ b: 1, a: [2] }, "signkey-prod-abc123", 1_700_000_000_000);
    expect(body).toBe('{"a":[2],"b":1}');
    expect(signature).toMatch(/^t=1700000000&s=[0-9a-f]{64}$/);
    expect(signBody({ a: [2], b: 1 }, "signkey-test-abc123", 1_700_000_000_000).signature).toBe(signature);
    expect(signBody({ a: [2], b: 1 }, "signkey-prod-other", 1_700_000_000_000).signature).not.toBe(signature);
  });
});
