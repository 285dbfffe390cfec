type ServeHandler = { POST: (...args: never[]) => unknown };

/**
 * The serve() handler's POST as a plain Request -> Response function. The Next.js adapter types it for
 * a NextRequest, but it reads only what a standard Request has.
 */
export function servePost(handler: ServeHandler): (request: Request) => Promise<Response> {
  const post = handler.POST as unknown as (request: Request, context: unknown) => Promise<Response>;
  return (request) => post(request, undefined);
}
