import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { positionAfter, positionBetween } from "./position";

describe("board positions", () => {
  it("places a key strictly between its neighbours and at the open ends", () => {
    const first = positionAfter(null);
    const second = positionAfter(first);
    const middle = positionBetween(first, second);
    const top = positionBetween(null, first);
    const bottom = positionBetween(second, null);

    expect([bottom, middle, second, top, first].sort()).toEqual([top, first, middle, second, bottom]);
  });

  it("keeps order when cards are dropped into the same gap again and again", () => {
    const keys = [positionAfter(null)];
    keys.push(positionAfter(keys[0]!));
    // Always insert just below the first card: the worst case for key growth.
    for (let i = 0; i < 500; i++) keys.splice(1, 0, positionBetween(keys[0]!, keys[1]!));

    const sorted = [...keys].sort();
    expect(new Set(keys).size).toBe(keys.length);
    expect(sorted[0]).toBe(keys[0]);
    expect(sorted.at(-1)).toBe(keys.at(-1));
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThan(100);
  });

  it("orders keys by bytes, as Postgres does under the C collation", () => {
    const keys = [positionAfter(null)];
    for (let i = 0; i < 200; i++) keys.push(positionAfter(keys.at(-1)!));
    const byBytes = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byBytes).toEqual(keys);
  });

  it("refuses neighbours that are out of order as a conflict", () => {
    const first = positionAfter(null);
    const second = positionAfter(first);
    expect(() => positionBetween(second, first)).toThrow(AppError);
    expect(() => positionBetween(first, first)).toThrow(/not in order/);
  });
});
