import "server-only";
import { wakeRunsOfQueuedJobs } from "@/db/queries/engine-runs";
import { engineMode } from "./mode";

/**
 * A generation slot came free: with the embedded engine, queued jobs look for it now. An Inngest server
 * keeps its own sleep schedule, so there they look at their next wake (at most 15 s later).
 */
export async function wakeJobsWaitingForSlot(): Promise<void> {
  if (engineMode().kind === "embedded") await wakeRunsOfQueuedJobs();
}
