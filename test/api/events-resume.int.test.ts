import { describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/projects/[projectId]/events/route";
import { projectEventStream } from "@/lib/realtime/project-stream";
import { createBoard, createUser } from "@/test/seed";
import { call, errorOf } from "./route-call";

async function firstEvents(stream: ReadableStream<Uint8Array>, abort: AbortController, until: string): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  abort.abort();
  await reader.cancel().catch(() => {});
  return text;
}

describe("resuming the project event stream", () => {
  it("refuses a Last-Event-ID that is not an event id with a JSON 400, before any database error", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image"], 0);

    for (const lastEventId of ["99999999999999999999", "9223372036854775808", "-1", "abc"]) {
      const response = await call(eventsRoute.GET, { projectId: project.id }, { user, headers: { "last-event-id": lastEventId } });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/json");
      const error = await errorOf(response);
      expect(error.code).toBe("bad_request");
      expect(error.message).not.toMatch(/bigint|range/i);
    }
    const query = await call(eventsRoute.GET, { projectId: project.id }, { user, path: "/api/test?lastEventId=99999999999999999999" });
    expect(query.status).toBe(400);
  });

  it("streams from the largest id a bigserial can hold", async () => {
    const user = await createUser();
    const { project } = await createBoard(user.id, ["image"], 0);
    const abort = new AbortController();

    const response = await call(
      eventsRoute.GET,
      { projectId: project.id },
      { user, headers: { "last-event-id": "9223372036854775807" }, signal: abort.signal },
    );
    expect(response.status).toBe(200);
    expect(await firstEvents(response.body!, abort, "retry:")).toContain("retry: 2000");
  });

  it("never sends the database's own words down the stream", async () => {
    const { project } = await createBoard((await createUser()).id, ["image"], 0);
    const abort = new AbortController();

    // An id the route would refuse, handed straight to the stream: Postgres refuses it when the stream reads.
    const stream = projectEventStream({ projectId: project.id, afterId: "99999999999999999999", signal: abort.signal });
    const text = await firstEvents(stream, abort, "event: stream.error");

    expect(text).toContain("event: stream.error");
    expect(text).not.toMatch(/bigint|out of range/i);
  });
});
