import "server-only";
import pg from "pg";
import { type Channel, CHANNELS } from "@/db/channels";
import { env } from "@/lib/env";

export { CHANNELS };
type Callback = (payload: string) => void;

type Listener = {
  subscribers: Map<Channel, Set<Callback>>;
  /** Called after a lost connection is back: notifications sent meanwhile were missed. */
  reconnected: Set<() => void>;
  client: pg.Client | null;
  connecting: Promise<void> | null;
  retry: NodeJS.Timeout | null;
  failures: number;
  isClosed: boolean;
};

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

// One LISTEN connection per process, shared by every SSE stream and the job engine. It is kept out of
// the pool because a pooled connection would be handed to other queries and lose its subscriptions.
const globalForListener = globalThis as typeof globalThis & { __reelboardListener?: Listener };

function listener(): Listener {
  return (globalForListener.__reelboardListener ??= {
    subscribers: new Map(),
    reconnected: new Set(),
    client: null,
    connecting: null,
    retry: null,
    failures: 0,
    isClosed: false,
  });
}

async function connect(state: Listener): Promise<void> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL, keepAlive: true });
  client.on("notification", (message) => {
    for (const callback of state.subscribers.get(message.channel as Channel) ?? []) callback(message.payload ?? "");
  });
  const lost = () => {
    if (state.client !== client) return;
    state.client = null;
    void client.end().catch(() => {});
    scheduleReconnect(state);
  };
  client.on("error", lost);
  client.on("end", lost);
  try {
    await client.connect();
    for (const channel of Object.values(CHANNELS)) await client.query(`listen ${channel}`);
  } catch (error) {
    client.removeAllListeners("end");
    void client.end().catch(() => {});
    throw error;
  }
  state.client = client;
}

/**
 * Reconnects after a lost connection, backing off (with jitter) up to RETRY_MAX_MS between attempts, for
 * as long as the process runs; once back, tells every subscriber so that it can catch up.
 */
function scheduleReconnect(state: Listener): void {
  if (state.retry || state.isClosed) return;
  const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** state.failures) * (0.75 + Math.random() / 2);
  state.retry = setTimeout(() => {
    state.retry = null;
    ensureConnected().then(
      () => {
        console.log("[realtime] the LISTEN connection is back");
        state.failures = 0;
        for (const callback of state.reconnected) callback();
      },
      (error: Error) => {
        if (state.failures === 0) console.error(`[realtime] the LISTEN connection is down (${error.message}); retrying`);
        state.failures++;
        scheduleReconnect(state);
      },
    );
  }, delay);
  state.retry.unref();
}

export async function ensureConnected(): Promise<void> {
  const state = listener();
  state.isClosed = false;
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
  try {
    await ensureConnected();
  } catch (error) {
    callbacks.delete(callback);
    throw error;
  }
  return () => callbacks.delete(callback);
}

/** Calls back each time the connection is back after a loss; returns the unsubscribe function. */
export function onReconnect(callback: () => void): () => void {
  const callbacks = listener().reconnected;
  callbacks.add(callback);
  return () => callbacks.delete(callback);
}

export async function closeListener(): Promise<void> {
  const state = listener();
  state.isClosed = true;
  if (state.retry) clearTimeout(state.retry);
  state.retry = null;
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => {});
}
