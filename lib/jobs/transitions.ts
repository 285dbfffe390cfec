import type { JobStatus } from "@/db/types";
import { AppError } from "@/lib/errors";

/** The only status changes a job may make (seed 001): anything else is refused. */
const ALLOWED: Record<JobStatus, readonly JobStatus[]> = {
  queued: ["processing", "cancelled"],
  processing: ["completed", "failed", "cancelled"],
  failed: ["queued"],
  completed: [],
  cancelled: [],
};

export const ACTIVE_STATUSES: readonly JobStatus[] = ["queued", "processing"];

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Throws a 409 naming both states when a job may not move from one to the other. */
export function assertTransition(from: JobStatus, to: JobStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError("conflict", `A ${from} job cannot become ${to}`);
  }
}

/** The states a job may be in for it to become `to`; used as the guard of a compare-and-set update. */
export function sourcesOf(to: JobStatus): JobStatus[] {
  return (Object.keys(ALLOWED) as JobStatus[]).filter((from) => ALLOWED[from].includes(to));
}
