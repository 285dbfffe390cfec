import "server-only";
import { insertJobEvent } from "@/db/queries/job-events";
import { listMediaOfJobs } from "@/db/queries/jobs";
import type { Executor } from "@/db/queries/executor";
import type { JobEventKind, JobRow } from "@/db/types";
import { toJob } from "./dto";

/**
 * Records what happened to a job and tells every board watching the project: the event carries the job
 * as it now is, so a browser patches its cache from the event alone.
 */
export async function publishJob(
  { job, kind, message, dedupeKey }: { job: JobRow; kind: JobEventKind; message?: string; dedupeKey?: string },
  db?: Executor,
): Promise<void> {
  const media = kind === "result" || job.status === "completed" ? await listMediaOfJobs({ jobIds: [job.id] }, db) : [];
  await insertJobEvent(
    { jobId: job.id, projectId: job.project_id, kind, payload: { job: toJob(job, media), ...(message && { message }) }, dedupeKey },
    db,
  );
}
