import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retry back-off", () => {
  it("doubles from the base, with the default schedule outlasting a provider outage of minutes", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 15_000, middle))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect([1, 2, 3].reduce((total, attempt) => total + retryDelayMs(attempt, 15_000, middle), 0)).toBeGreaterThan(60_000);
  });

  it("spreads retries by a quarter either way and caps them at an hour", () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(750);
    expect(retryDelayMs(1, 1000, () => 0.999999)).toBe(1250);
    expect(retryDelayMs(30, 15_000, () => 0.5)).toBe(3_600_000);
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(2, 15_000)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
