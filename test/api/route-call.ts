import { BASE_URL, type TestUser } from "@/test/seed";

export type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type CallInit = {
  user?: TestUser;
  method?: string;
  /** Sent as JSON (with its content type unless `headers` names one). */
  body?: unknown;
  /** Sent as is. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Path and query of the request URL; the handler reads only the query. */
  path?: string;
  signal?: AbortSignal;
};

/** Calls a route handler in-process as Next.js would, with the user's session cookie. */
export function call<P>(handler: Handler<P>, params: P, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = { host: "localhost:3000", ...(init.user && { cookie: init.user.cookie }), ...init.headers };
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const method = init.method ?? (body === undefined ? "GET" : "POST");
  const request = new Request(`${BASE_URL}${init.path ?? "/api/test"}`, { method, headers, body, signal: init.signal });
  return handler(request, { params: Promise.resolve(params) });
}

export type ErrorJson = { code: string; message: string; fields?: Record<string, string[]> };

export async function errorOf(response: Response): Promise<ErrorJson> {
  return ((await response.json()) as { error: ErrorJson }).error;
}
