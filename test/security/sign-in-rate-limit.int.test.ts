import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { stampClientIp } from "@/lib/auth/client-ip";
import { setRuntimeEnv } from "@/lib/env";
import { BASE_URL } from "@/test/seed";

// better-auth's default for sign-in: 3 attempts per address in a 10-second window.
const ALLOWED = 3;

/** A failing sign-in as it reaches the app through the launcher, which stamps the client's address. */
async function failedSignIn({ socketAddress, headers = {} }: { socketAddress: string; headers?: IncomingHttpHeaders }): Promise<number> {
  const incoming: IncomingHttpHeaders = { "content-type": "application/json", origin: BASE_URL, ...headers };
  stampClientIp(incoming, socketAddress);
  const request = new Request(`${BASE_URL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: Object.entries(incoming).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])),
    body: JSON.stringify({ email: "nobody@example.com", password: "not-the-password" }),
  });
  return (await authPost(request)).status;
}

function freshAuth(): void {
  (globalThis as { __reelboardAuth?: unknown }).__reelboardAuth = undefined;
}

describe("the sign-in rate limit", () => {
  beforeAll(() => {
    setRuntimeEnv("AUTH_RATE_LIMIT", "true");
    freshAuth();
  });
  afterAll(() => {
    setRuntimeEnv("AUTH_RATE_LIMIT", "false");
    setRuntimeEnv("TRUST_PROXY", "false");
    freshAuth();
  });

  it("counts by the connection's address, whatever forwarding headers the client makes up", async () => {
    setRuntimeEnv("TRUST_PROXY", "false");
    const statuses: number[] = [];
    for (let n = 1; n <= ALLOWED + 2; n++) {
      const headers = { "x-forwarded-for": `10.0.0.${n}`, "x-real-ip": `10.0.1.${n}`, "x-reelboard-client-ip": `10.0.2.${n}` };
      statuses.push(await failedSignIn({ socketAddress: "203.0.113.10", headers }));
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("with TRUST_PROXY, counts by the address the proxy appended, not what the client put before it", async () => {
    setRuntimeEnv("TRUST_PROXY", "true");
    const proxy = "198.51.100.1";

    const sameClient: number[] = [];
    for (let n = 1; n <= ALLOWED + 1; n++) {
      sameClient.push(await failedSignIn({ socketAddress: proxy, headers: { "x-forwarded-for": `10.9.0.${n}, 203.0.113.20` } }));
    }
    expect(sameClient).toEqual([401, 401, 401, 429]);

    // Other clients behind the same proxy keep their own allowance.
    expect(await failedSignIn({ socketAddress: proxy, headers: { "x-forwarded-for": "203.0.113.21" } })).toBe(401);
    expect(await failedSignIn({ socketAddress: proxy, headers: { "x-real-ip": "203.0.113.22" } })).toBe(401);
  });
});
