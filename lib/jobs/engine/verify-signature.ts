import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";

const MAX_SKEW_MS = 5 * 60 * 1000;

type VerifyInput = { signature: string | null; rawBody: string; signingKey: string; now?: number };

/**
 * Whether an x-inngest-signature header signs this raw body with the key, as the SDK checks it (the
 * counterpart of signBody): HMAC-SHA256 of the canonical JSON body, or "" without one, followed by the
 * timestamp, which may be at most five minutes off. A body that is not JSON is never validly signed.
 */
export function isValidSignature({ signature, rawBody, signingKey, now = Date.now() }: VerifyInput): boolean {
  if (!signature) return false;
  const params = new URLSearchParams(signature);
  const timestamp = params.get("t") ?? "";
  const digest = params.get("s") ?? "";
  if (!/^\d+$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(digest)) return false;
  if (Math.abs(now - Number(timestamp) * 1000) > MAX_SKEW_MS) return false;

  let signed: string;
  try {
    const body: unknown = rawBody === "" ? "" : JSON.parse(rawBody);
    signed = typeof body === "string" ? body : (canonicalize(body) ?? "");
  } catch {
    return false;
  }
  const key = signingKey.replace(/^signkey-\w+-/, "");
  const expected = createHmac("sha256", key).update(signed).update(timestamp).digest();
  return timingSafeEqual(expected, Buffer.from(digest, "hex"));
}
