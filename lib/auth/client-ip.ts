import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * Carries the client's address to better-auth (per-IP rate limits, the address recorded on a session).
 * The launcher sets it on every request, over whatever the client sent, so it cannot be forged.
 */
export const CLIENT_IP_HEADER = "x-reelboard-client-ip";

type ClientIpInput = { headers: IncomingHttpHeaders; socketAddress: string | undefined; trustProxy: boolean };

/**
 * The client's address: the connection's peer, or with `trustProxy` the address the reverse proxy in
 * front reports. Of X-Forwarded-For only the last entry counts: the proxy appended it, and the entries
 * before it came from the client. X-Real-IP is read only when no X-Forwarded-For came through.
 */
export function clientIpOf({ headers, socketAddress, trustProxy }: ClientIpInput): string | undefined {
  if (trustProxy) {
    const forwarded = lastEntry(headers["x-forwarded-for"]) ?? lastEntry(headers["x-real-ip"]);
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  return socketAddress;
}

/** Sets CLIENT_IP_HEADER on an incoming request's headers, replacing any value the client sent. */
export function stampClientIp(headers: IncomingHttpHeaders, socketAddress: string | undefined): void {
  const ip = clientIpOf({ headers, socketAddress, trustProxy: env.TRUST_PROXY });
  if (ip) headers[CLIENT_IP_HEADER] = ip;
  else delete headers[CLIENT_IP_HEADER];
}

function lastEntry(value: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(value) ? value.join(",") : value;
  return joined
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
}
