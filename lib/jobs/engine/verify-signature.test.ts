import { describe, expect, it } from "vitest";
import { signBody } from "./signing";
import { isValidSignature } from "./verify-signature";

const signingKey = "signkey-prod-0123456789abcdef";
const now = 1_700_000_000_000;

describe("verifying an Inngest signature", () => {
  it("accepts what signBody signed, with the same key, within five minutes", () => {
    const { body, signature } = signBody({ b: 1, a: [2] }, signingKey, now);
    expect(isValidSignature({ signature, rawBody: body, signingKey, now: now + 60_000 })).toBe(true);
    // The body is compared in canonical form, as the SDK does.
    expect(isValidSignature({ signature, rawBody: '{ "b": 1, "a": [2] }', signingKey, now })).toBe(true);
  });

  it("refuses another body, another key, an old signature, junk and nothing", () => {
    const { body, signature } = signBody({ a: 1 }, signingKey, now);
    expect(isValidSignature({ signature, rawBody: '{"a":2}', signingKey, now })).toBe(false);
    expect(isValidSignature({ signature, rawBody: body, signingKey: "signkey-prod-other", now })).toBe(false);
    expect(isValidSignature({ signature, rawBody: body, signingKey, now: now + 6 * 60_000 })).toBe(false);
    expect(isValidSignature({ signature, rawBody: "junk", signingKey, now })).toBe(false);
    expect(isValidSignature({ signature: "t=1&s=zz", rawBody: body, signingKey, now })).toBe(false);
    expect(isValidSignature({ signature: null, rawBody: body, signingKey, now })).toBe(false);
  });
});
