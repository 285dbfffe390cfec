import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { AppError, errorResponse } from "@/lib/errors";
import { engineMode } from "@/lib/jobs/engine/mode";
import { isValidSignature } from "@/lib/jobs/engine/verify-signature";
import { inngest } from "./client";
import { functions } from "./index";

/** The one serve() handler: driven in-process by the embedded executor, and behind /api/inngest. */
export const inngestHandler = serve({ client: inngest, functions });

type RouteHandler = (request: NextRequest, context: unknown) => Promise<Response>;

/**
 * What /api/inngest serves. An Inngest server signs its calls and the SDK checks them. In embedded mode
 * only this app's executor has reason to call, and it calls the handler in-process, so the route
 * answers strangers itself, quietly: 401 unless signed with this installation's key, 405 for PUT (the
 * registration an Inngest server asks for).
 */
export const inngestRoute = {
  GET: embeddedGuard("GET", inngestHandler.GET),
  POST: embeddedGuard("POST", inngestHandler.POST),
  PUT: embeddedGuard("PUT", inngestHandler.PUT),
};

function embeddedGuard(method: "GET" | "POST" | "PUT", handler: RouteHandler): RouteHandler {
  return async (request, context) => {
    const mode = engineMode();
    if (mode.kind !== "embedded") return handler(request, context);

    if (method === "PUT") {
      const response = errorResponse(new AppError("method_not_allowed", "The embedded job engine registers with no server"));
      response.headers.set("allow", "GET, POST");
      return response;
    }
    const unauthorized = () => errorResponse(new AppError("unauthorized", "Only this app's job engine may call this endpoint"));
    const signature = request.headers.get("x-inngest-signature");
    if (!signature) return unauthorized();
    const rawBody = method === "POST" ? await request.clone().text() : "";
    if (!isValidSignature({ signature, rawBody, signingKey: mode.signingKey })) return unauthorized();
    return handler(request, context);
  };
}
