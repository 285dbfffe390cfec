import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, sourcesOf } from "./transitions";

describe("job status transitions", () => {
  it("allows the seed's lifecycle", () => {
    expect(canTransition("queued", "processing")).toBe(true);
    expect(canTransition("processing", "completed")).toBe(true);
    expect(canTransition("processing", "failed")).toBe(true);
    expect(canTransition("queued", "cancelled")).toBe(true);
    expect(canTransition("processing", "cancelled")).toBe(true);
    expect(canTransition("failed", "queued")).toBe(true);
  });

  it.each([
    ["completed", "queued"],
    ["completed", "failed"],
    ["cancelled", "queued"],
    ["cancelled", "processing"],
    ["queued", "completed"],
    ["failed", "processing"],
    ["processing", "queued"],
  ] as const)("refuses %s -> %s with a conflict", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(`A ${from} job cannot become ${to}`);
  });

  it("knows where each state can come from", () => {
    expect(sourcesOf("cancelled").sort()).toEqual(["processing", "queued"]);
    expect(sourcesOf("queued")).toEqual(["failed"]);
  });
});
