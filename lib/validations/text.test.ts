import { describe, expect, it } from "vitest";
import { isStorableText, safeText, UNSTORABLE_TEXT_MESSAGE } from "./text";

describe("text Postgres can store", () => {
  it.each(["", "plain", "tab\tnewline\ncontrols \u0001\u0007\u001f\u007f", "pair \uD83C\uDFAC", "\uFFFD\uFFFE\uFFFF"])(
    "accepts %j",
    (value) => {
      expect(isStorableText(value)).toBe(true);
    },
  );

  it.each(["\u0000", "nul\u0000inside", "\uD800", "\uDFFF", "high then text \uD83Cx", "low first \uDFAC\uD83C", "ends high \uDBFF"])(
    "refuses %j",
    (value) => {
      expect(isStorableText(value)).toBe(false);
    },
  );

  it("is what JSON.parse makes of escaped surrogates, and keeps its checks chainable", () => {
    const title = safeText().trim().min(1).max(10);
    expect(title.safeParse(JSON.parse('"\\ud800"')).error?.issues[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
    expect(title.safeParse("  ok  ").data).toBe("ok");
    expect(title.safeParse("x".repeat(11)).success).toBe(false);
  });
});
