import "server-only";
import type { z } from "zod";
import { requireApiUser, type SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError, errorResponse, parseOrThrow } from "@/lib/errors";

type Context<P> = { params: Promise<P> };

/**
 * Wraps a route handler: resolves the params, requires a session, and turns any thrown error into the
 * JSON error answer. Handlers then read as: parse, load, authorise, act, respond.
 */
export function authedRoute<P>(handler: (input: { request: Request; params: P; user: SessionUser }) => Promise<Response>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      const user = await requireApiUser(request);
      return await handler({ request, params: await context.params, user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads a state-changing request's JSON body: same-origin only, application/json only, size-capped,
 * then validated by the schema (422 with field errors).
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  assertSameOrigin(request);

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json");
  }

  const limit = env.MAX_JSON_BODY_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large", `The body is larger than ${limit} bytes`);
  const text = await readTextWithin(request, limit);

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON");
  }
  return parseOrThrow(schema, value);
}

/** For bodiless state changes (DELETE): only the origin check applies. */
export function assertSameOrigin(request: Request): void {
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new AppError("forbidden", "Cross-site requests are refused");
  }
  const origin = request.headers.get("origin");
  if (!origin) return;

  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "Cross-site requests are refused");
  }
  const allowed = [host, env.APP_URL && new URL(env.APP_URL).host].filter(Boolean);
  if (!allowed.includes(originHost)) throw new AppError("forbidden", "Cross-site requests are refused");
}

/** How much of an oversized body is read and thrown away so the connection can serve the next request. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

async function readTextWithin(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, DRAIN_LIMIT - size);
      throw new AppError("payload_too_large", `The body is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads the rest of a body (without a Content-Length) that is already too large, discarding it. A body
 * left half read stalls its keep-alive connection: the client's next request waits behind it until the
 * server's keep-alive timeout resets the socket. Past `budget` bytes the client is not a mistaken one,
 * and the stream is cancelled.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  let left = budget;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    left -= value.byteLength;
    if (left < 0) {
      await reader.cancel();
      return;
    }
  }
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}
