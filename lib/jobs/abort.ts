import "server-only";
import { findJob } from "@/db/queries/jobs";
import { CHANNELS, onReconnect, subscribe } from "@/lib/realtime/listener";

type Registry = { controllers: Map<string, Set<AbortController>>; isListening: boolean };

// Shared by every bundle in the process; a cancel anywhere reaches it through Postgres NOTIFY.
const globalForAbort = globalThis as typeof globalThis & { __reelboardAbort?: Registry };
const registry = () => (globalForAbort.__reelboardAbort ??= { controllers: new Map(), isListening: false });

async function listenForCancels(): Promise<void> {
  const state = registry();
  if (state.isListening) return;
  state.isListening = true;
  await subscribe(CHANNELS.engine, (payload) => {
    if (payload.startsWith("cancel:")) abortLocally(payload.slice("cancel:".length));
  });
  // A cancel notified while the connection was down was missed: ask the table about the jobs in hand.
  onReconnect(() => void abortCancelledJobs().catch(() => {}));
}

async function abortCancelledJobs(): Promise<void> {
  for (const jobId of registry().controllers.keys()) {
    if ((await findJob({ jobId }))?.status === "cancelled") abortLocally(jobId);
  }
}

function abortLocally(jobId: string): void {
  for (const controller of registry().controllers.get(jobId) ?? []) controller.abort(new Error("The job was cancelled"));
}

/** Runs provider work with a signal that aborts when the job is cancelled, in this process or another. */
export async function withJobSignal<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  await listenForCancels();
  const controller = new AbortController();
  const controllers = registry().controllers;
  let set = controllers.get(jobId);
  if (!set) controllers.set(jobId, (set = new Set<AbortController>()));
  set.add(controller);
  try {
    return await work(controller.signal);
  } finally {
    set.delete(controller);
    if (set.size === 0) controllers.delete(jobId);
  }
}
