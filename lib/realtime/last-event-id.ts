import { AppError } from "@/lib/errors";

/** Event ids are Postgres bigserials: at most this. */
const MAX_EVENT_ID = 9_223_372_036_854_775_807n;

/**
 * The event id a reconnecting stream resumes after (`Last-Event-ID`, or `?lastEventId=` where a client
 * cannot set headers): undefined when absent; 400 when it is not an id the stream could have sent, so it
 * never reaches Postgres as something it refuses.
 */
export function parseLastEventId(value: string | null): string | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d{1,19}$/.test(value) || BigInt(value) > MAX_EVENT_ID) {
    throw new AppError("bad_request", "Last-Event-ID is not an event id of this stream");
  }
  return BigInt(value).toString();
}
