import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as projectsRoute from "@/app/api/projects/route";
import { createUser, type TestUser } from "@/test/seed";

/**
 * Over real HTTP: a Node server that hands the route the request the way Next.js's Node adapter does
 * (the IncomingMessage itself as the Request's body, NextRequestAdapter.fromNodeNextRequest) and pipes
 * the Response back. What matters here is what is left unread on the socket.
 */
function serveProjectsRoute(): http.Server {
  return http.createServer(async (req, res) => {
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const init = { method: req.method, headers: req.headers as Record<string, string>, ...(hasBody && { body: req, duplex: "half" }) };
    const request = new Request(`http://${req.headers.host}${req.url}`, init as RequestInit);
    const handler = request.method === "POST" ? projectsRoute.POST : projectsRoute.GET;
    const response = await handler(request, { params: Promise.resolve({}) });
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    if (response.body) Readable.fromWeb(response.body as never).pipe(res);
    else res.end();
  });
}

type Send = { method: string; headers: Record<string, string>; body?: Buffer; isChunked?: boolean };

/** One request on the agent's connection: its status (or the socket error the client saw), and whether it reused the connection. */
function send(
  agent: http.Agent,
  port: number,
  { method, headers, body, isChunked }: Send,
): Promise<{ outcome: string; isReused: boolean }> {
  return new Promise((resolve) => {
    const request = http.request({ agent, port, host: "127.0.0.1", path: "/api/projects", method, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve({ outcome: String(response.statusCode), isReused: request.reusedSocket }));
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ outcome: error.code ?? error.message, isReused: request.reusedSocket }),
    );
    if (body && isChunked) {
      for (let at = 0; at < body.length; at += 16 * 1024) request.write(body.subarray(at, at + 16 * 1024));
      request.end();
    } else request.end(body);
  });
}

let server: http.Server;
let port: number;
let user: TestUser;

beforeAll(async () => {
  user = await createUser();
  server = serveProjectsRoute();
  // A stalled connection is reset when this runs out. Shorter than Node's 5 s so a regression fails
  // sooner; not under 2 s, or the client agent (which keeps a second in hand) stops reusing connections.
  server.keepAliveTimeout = 2500;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("refusing a request body over HTTP", () => {
  const big = Buffer.from(JSON.stringify({ title: "x".repeat(300_000) }));

  it.each<[string, (user: TestUser) => Send, string]>([
    [
      "too large, sent chunked",
      (u) => ({ method: "POST", headers: { cookie: u.cookie, "content-type": "application/json" }, body: big, isChunked: true }),
      "413",
    ],
    [
      "too large, with its length",
      (u) => ({
        method: "POST",
        headers: { cookie: u.cookie, "content-type": "application/json", "content-length": String(big.length) },
        body: big,
      }),
      "413",
    ],
    [
      "not JSON, sent chunked",
      (u) => ({ method: "POST", headers: { cookie: u.cookie, "content-type": "text/plain" }, body: big, isChunked: true }),
      "415",
    ],
    ["without a session", () => ({ method: "POST", headers: { "content-type": "application/json" }, body: big, isChunked: true }), "401"],
    [
      "on a GET",
      (u) => ({
        method: "GET",
        headers: { cookie: u.cookie, "content-type": "application/json", "content-length": String(big.length) },
        body: big,
      }),
      "200",
    ],
  ])("%s leaves the keep-alive connection able to serve the next request", async (_name, request, status) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = request(user);
      expect((await send(agent, port, { ...refused, headers: { host: "localhost:3000", ...refused.headers } })).outcome).toBe(status);
      expect(await send(agent, port, { method: "GET", headers: { host: "localhost:3000", cookie: user.cookie } })).toEqual({
        outcome: "200",
        isReused: true,
      });
    } finally {
      agent.destroy();
    }
  });
});
