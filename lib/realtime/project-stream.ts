import "server-only";
import { latestJobEventId, listJobEventsAfter } from "@/db/queries/job-events";
import { findProjectForOwner } from "@/db/queries/projects";
import { notFound } from "@/lib/errors";
import { CHANNELS, onReconnect, subscribe } from "./listener";

const PAGE = 500;

/**
 * The owner's project events from `resumeFrom` (a reconnect's Last-Event-ID), or from now when absent;
 * anyone else's project is not found.
 */
export async function openProjectEvents({
  ownerId,
  projectId,
  resumeFrom,
  signal,
}: {
  ownerId: string;
  projectId: string;
  resumeFrom: string | undefined;
  signal: AbortSignal;
}) {
  if (!(await findProjectForOwner({ projectId, ownerId }))) throw notFound("No such project");
  const afterId = resumeFrom ?? (await latestJobEventId({ projectId }));
  return projectEventStream({ projectId, afterId, signal });
}

/**
 * A project's job events as Server-Sent Events, starting after `afterId` (the Last-Event-ID of a
 * reconnecting browser). Subscribes before replaying, so nothing falls between the replay and the live
 * part; every write goes out in id order with its id, so the next reconnect resumes exactly there.
 */
export function projectEventStream({
  projectId,
  afterId,
  signal,
  heartbeatMs = 15_000,
}: {
  projectId: string;
  afterId: string;
  signal: AbortSignal;
  heartbeatMs?: number;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let lastSent = afterId;
  let isClosed = false;
  let isPumping = false;
  let pumpAgain = false;
  let unsubscribe: (() => void) | undefined;
  let stopCatchingUp: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const close = () => {
    if (isClosed) return;
    isClosed = true;
    unsubscribe?.();
    stopCatchingUp?.();
    clearInterval(heartbeat);
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (isClosed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const pump = async (): Promise<void> => {
        if (isPumping) {
          pumpAgain = true;
          return;
        }
        isPumping = true;
        try {
          do {
            pumpAgain = false;
            for (
              let rows = await listJobEventsAfter({ projectId, afterId: lastSent, limit: PAGE });
              !isClosed;
              rows = await listJobEventsAfter({ projectId, afterId: lastSent, limit: PAGE })
            ) {
              for (const row of rows) {
                send(`id: ${row.id}\nevent: job.${row.kind}\ndata: ${JSON.stringify(row.payload)}\n\n`);
                lastSent = row.id;
              }
              if (rows.length < PAGE) break;
            }
          } while (pumpAgain && !isClosed);
        } catch (error) {
          // The driver's words stay in the log; the stream catches up by itself once the database is back.
          console.error(
            `[realtime] reading events of project ${projectId} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          send(
            `event: stream.error\ndata: ${JSON.stringify({ message: "Events are delayed; the stream catches up when the server is reachable again" })}\n\n`,
          );
        } finally {
          isPumping = false;
        }
      };

      signal.addEventListener("abort", () => {
        close();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      });
      unsubscribe = await subscribe(CHANNELS.jobEvents, (payload) => {
        if (payload.startsWith(`${projectId}:`)) void pump();
      });
      // Notifications sent while the LISTEN connection was down are lost: replay from the table instead.
      stopCatchingUp = onReconnect(() => void pump());
      send("retry: 2000\n\n");
      await pump();
      heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      heartbeat.unref();
    },
    cancel() {
      close();
    },
  });
}
