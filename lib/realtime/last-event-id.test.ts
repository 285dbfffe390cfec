import { describe, expect, it } from "vitest";
import { parseLastEventId } from "./last-event-id";

describe("Last-Event-ID", () => {
  it("is absent when not sent or empty", () => {
    expect(parseLastEventId(null)).toBeUndefined();
    expect(parseLastEventId("")).toBeUndefined();
  });

  it("accepts every id a bigserial can hold", () => {
    expect(parseLastEventId("0")).toBe("0");
    expect(parseLastEventId("0042")).toBe("42");
    expect(parseLastEventId("9223372036854775807")).toBe("9223372036854775807");
  });

  it.each(["9223372036854775808", "99999999999999999999", "-1", "1.5", "1e3", " 1", "abc", "١٢"])("refuses %j with 400", (value) => {
    expect(() => parseLastEventId(value)).toThrow(expect.objectContaining({ code: "bad_request", status: 400 }));
  });
});
