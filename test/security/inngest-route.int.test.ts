import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET, POST, PUT } from "@/app/api/inngest/route";
import { engineMode } from "@/lib/jobs/engine/mode";
import { signBody } from "@/lib/jobs/engine/signing";

const URL_BASE = "http://localhost:3000/api/inngest";

function embeddedKey(): string {
  const mode = engineMode();
  if (mode.kind !== "embedded") throw new Error("these tests run with the embedded engine");
  return mode.signingKey;
}

function request(
  method: string,
  { query = "", body, headers = {} }: { query?: string; body?: string; headers?: Record<string, string> } = {},
) {
  return new NextRequest(`${URL_BASE}${query}`, { method, body, headers: { "content-type": "application/json", ...headers } });
}

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("/api/inngest in embedded mode", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers strangers 401 or 405, and logs nothing about it", async () => {
    const logged = [vi.spyOn(console, "error"), vi.spyOn(console, "warn"), vi.spyOn(console, "log")];
    const { body: otherKeyBody, signature: otherKeySignature } = signBody({ event: { name: "x" } }, "signkey-prod-someone-else");

    const unsignedGet = await GET(request("GET"), undefined);
    const forgedGet = await GET(request("GET", { headers: { "x-inngest-signature": "t=1&s=abc" } }), undefined);
    const junkPost = await POST(request("POST", { body: "junk{" }), undefined);
    const forgedPost = await POST(
      request("POST", { body: "junk{", headers: { "x-inngest-signature": `t=${Math.round(Date.now() / 1000)}&s=${"0".repeat(64)}` } }),
      undefined,
    );
    const otherKeyPost = await POST(
      request("POST", {
        query: "?fnId=reelboard-generate-media&stepId=step",
        body: otherKeyBody,
        headers: { "x-inngest-signature": otherKeySignature },
      }),
      undefined,
    );
    const junkPut = await PUT(request("PUT", { body: "junk" }), undefined);

    for (const response of [unsignedGet, forgedGet, junkPost, forgedPost, otherKeyPost]) {
      expect(response.status).toBe(401);
      expect(await codeOf(response)).toBe("unauthorized");
    }
    expect(junkPut.status).toBe(405);
    expect(junkPut.headers.get("allow")).toBe("GET, POST");
    expect(await codeOf(junkPut)).toBe("method_not_allowed");
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });

  it("lets requests signed with this installation's key through to the SDK", async () => {
    const key = embeddedKey();
    const timestamp = Math.round(Date.now() / 1000).toString();
    const getSignature = `t=${timestamp}&s=${createHmac("sha256", key.replace(/^signkey-\w+-/, ""))
      .update(timestamp)
      .digest("hex")}`;
    const introspection = await GET(request("GET", { headers: { "x-inngest-signature": getSignature } }), undefined);
    expect(introspection.status).toBe(200);
    expect(await introspection.json()).toMatchObject({ authentication_succeeded: true });

    vi.spyOn(console, "error").mockImplementation(() => {});
    const { body, signature } = signBody({ event: { name: "nothing" }, events: [], steps: {}, ctx: { run_id: "r", attempt: 0 } }, key);
    const unknownFunction = await POST(
      request("POST", { query: "?fnId=reelboard-no-such-function&stepId=step", body, headers: { "x-inngest-signature": signature } }),
      undefined,
    );
    expect(unknownFunction.status).not.toBe(401);
    expect(unknownFunction.headers.get("x-inngest-sdk-handled")).toBe("true");
  });
});
