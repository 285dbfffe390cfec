import { latestJobEventId } from "@/db/queries/job-events";
import { findProjectForOwner } from "@/db/queries/projects";
import { notFound } from "@/lib/errors";
import { authedRoute } from "@/lib/http/route";
import { parseLastEventId } from "@/lib/realtime/last-event-id";
import { projectEventStream } from "@/lib/realtime/project-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The project's job events, live; a reconnect with Last-Event-ID replays what it missed. */
export const GET = authedRoute<{ projectId: string }>(async ({ request, params, user }) => {
  const resumeFrom = parseLastEventId(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId"));
  if (!(await findProjectForOwner({ projectId: params.projectId, ownerId: user.id }))) throw notFound("No such project");

  const afterId = resumeFrom ?? (await latestJobEventId({ projectId: params.projectId }));
  const stream = projectEventStream({ projectId: params.projectId, afterId, signal: request.signal });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
