import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

export const CHANNELS = {
  /** Payload "<projectId>:<eventId>": a job event was appended. */
  jobEvents: "reelboard_job_events",
  /** Payload "wake" (runs are due) or "cancel:<jobId>" (abort that job's provider call). */
  engine: "reelboard_engine",
} as const;

type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
type Callback = (payload: string) => void;

type Listener = { subscribers: Map<Channel, Set<Callback>>; client: pg.Client | null; connecting: Promise<void> | null };

// One LISTEN connection per process, shared by every SSE stream and the job engine. It is kept out of
// the pool because a pooled connection would be handed to other queries and lose its subscriptions.
const globalForListener = globalThis as typeof globalThis & { __reelboardListener?: Listener };

function listener(): Listener {
  return (globalForListener.__reelboardListener ??= { subscribers: new Map(), client: null, connecting: null });
}

async function connect(state: Listener): Promise<void> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  client.on("notification", (message) => {
    for (const callback of state.subscribers.get(message.channel as Channel) ?? []) callback(message.payload ?? "");
  });
  client.on("error", () => {
    // Reconnect on the next subscribe or after a short pause; subscribers keep their callbacks.
    state.client = null;
    void client.end().catch(() => {});
    setTimeout(() => void ensureConnected().catch(() => {}), 1000).unref();
  });
  await client.connect();
  for (const channel of Object.values(CHANNELS)) await client.query(`listen ${channel}`);
  state.client = client;
}

export async function ensureConnected(): Promise<void> {
  const state = listener();
  if (state.client) return;
  state.connecting ??= connect(state).finally(() => {
    state.connecting = null;
  });
  await state.connecting;
}

/** Calls back on every notification of the channel; returns the unsubscribe function. */
export async function subscribe(channel: Channel, callback: Callback): Promise<() => void> {
  const state = listener();
  let callbacks = state.subscribers.get(channel);
  if (!callbacks) state.subscribers.set(channel, (callbacks = new Set()));
  callbacks.add(callback);
  await ensureConnected();
  return () => callbacks.delete(callback);
}

export async function closeListener(): Promise<void> {
  const state = listener();
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => {});
}
