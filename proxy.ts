import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

/**
 * Runs before routing. A path that does not percent-decode gets a 400 here; Next.js's router would
 * throw on it and answer 500. Every page gets a Content-Security-Policy with a fresh nonce, which
 * Next.js reads from the request's copy of the header and puts on its own scripts. The headers every
 * response carries (nosniff, referrer policy, framing) are set in next.config.mjs.
 */
export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");

  if (!isDecodable(pathname)) {
    if (isApi) return errorResponse(new AppError("bad_request", "The URL path is not valid percent-encoding"));
    return new Response("Bad Request", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (isApi) return NextResponse.next();

  const policy = contentSecurityPolicy({ nonce: randomBytes(16).toString("base64"), isDev: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    // Pages; static files need no policy.
    "/((?!api(?:/|$)|_next/static|_next/image|favicon\\.ico).*)",
    // API paths only when they hold a percent sign: running the proxy buffers the whole request body.
    "/api/:path(.*%.*)",
  ],
};
