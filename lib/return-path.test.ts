import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("the return path after signing in", () => {
  it("keeps paths on this site and drops anything that leaves it", () => {
    expect(safeReturnPath("/projects/abc?card=1")).toBe("/projects/abc?card=1");
    for (const away of ["//evil.example/x", "/\\evil.example", "https://evil.example", "projects", "", undefined, ["/a", "/b"]])
      expect(safeReturnPath(away)).toBeUndefined();
  });
});
