import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

type Reply = { status: number; headers?: Record<string, string>; body: string | Buffer; delayMs?: number };
type Route = `${"GET" | "POST"} ${string}`;

/** A tiny WAV: 0.5 s of silence, 8 kHz mono 16-bit. */
export function silentWav(seconds = 0.5): Buffer {
  const samples = Math.round(8000 * seconds);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]);
}

export async function tinyPng(width = 16, height = 8): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();
}

/**
 * A loopback server that speaks the slices of the OpenAI and Replicate APIs the providers use. Each route
 * answers from a script (a queue of replies, the last one repeating), and every request is recorded.
 */
export async function startFakeAiServer() {
  const scripts = new Map<Route, Reply[]>();
  const requests: Array<{ route: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  /** Routes whose caller hung up before the answer was sent (an aborted call). */
  const aborted: string[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const route = `${request.method} ${request.url?.split("?")[0]}` as Route;
      requests.push({ route, headers: request.headers, body });
      response.on("close", () => {
        if (!response.writableEnded) aborted.push(route);
      });
      const queue = scripts.get(route);
      const reply = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
      if (!reply) {
        response
          .writeHead(404, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { message: `no script for ${route}` } }));
        return;
      }
      setTimeout(() => {
        if (!response.destroyed) response.writeHead(reply.status, reply.headers ?? { "content-type": "application/json" }).end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    aborted,
    script: (route: Route, ...replies: Reply[]) => void scripts.set(route, replies),
    json: (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
      status,
      body: JSON.stringify(value),
      headers: { "content-type": "application/json", ...headers },
    }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
