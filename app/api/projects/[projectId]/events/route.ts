import { authedRoute } from "@/lib/http/route";
import { parseLastEventId } from "@/lib/realtime/last-event-id";
import { openProjectEvents } from "@/lib/realtime/project-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The project's job events, live; a reconnect with Last-Event-ID replays what it missed. */
export const GET = authedRoute<{ projectId: string }>(async ({ request, params, user }) => {
  const resumeFrom = parseLastEventId(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId"));
  const stream = await openProjectEvents({ ownerId: user.id, projectId: params.projectId, resumeFrom, signal: request.signal });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
