import { createHmac } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * Signs a body as an Inngest server does (x-inngest-signature: t=<unix>&s=<hex HMAC-SHA256 of the
 * canonical JSON followed by t>, keyed by the signing key without its "signkey-<env>-" prefix).
 * Returns the canonical body to send with it.
 */
export function signBody(payload: unknown, signingKey: string, now = Date.now()): { body: string; signature: string } {
  const body = canonicalize(payload) ?? "null";
  const timestamp = Math.round(now / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  const digest = createHmac("sha256", key).update(body).update(timestamp).digest("hex");
  return { body, signature: `t=${timestamp}&s=${digest}` };
}
