/** Postgres NOTIFY channels, named once for the queries that notify and the listener that hears. */
export const CHANNELS = {
  /** Payload "<projectId>:<eventId>": a job event was appended. */
  jobEvents: "reelboard_job_events",
  /** Payload "wake" (runs are due) or "cancel:<jobId>" (abort that job's provider call). */
  engine: "reelboard_engine",
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
