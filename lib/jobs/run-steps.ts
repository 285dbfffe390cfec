import "server-only";
import { NonRetriableError } from "inngest";
import { claimGenerationSlot, countProviderSubmission, findJob, insertMediaIfAbsent, updateJobIf } from "@/db/queries/jobs";
import type { JobRow } from "@/db/types";
import { env } from "@/lib/env";
import { providerById } from "@/lib/providers";
import type { StoredFile, Submission } from "@/lib/providers/types";
import { queueTerminalWebhook } from "@/lib/webhooks/deliveries";
import { withJobSignal } from "./abort";
import { ACTIVE_STATUSES } from "./transitions";
import { wakeJobsWaitingForSlot } from "./engine/wake";
import { publishJob } from "./publish";

/*
 * The steps of the generate-media function. Each is safe to run again after a crash: status changes are
 * compare-and-set, events carry a dedupe key, media rows are keyed by (job, position), files by key.
 */

export type PollOutcome = { status: "running" } | { status: "cancelled" } | { status: "done"; files: StoredFile[] };

async function loadJob(jobId: string): Promise<JobRow> {
  const job = await findJob({ jobId });
  if (!job) throw new NonRetriableError(`Job ${jobId} no longer exists`);
  return job;
}

function providerOf(job: JobRow) {
  const provider = providerById(job.provider);
  // No retry can bring it back: failing at once tells the creator now, not after the back-off.
  if (!provider) throw new NonRetriableError(`No provider "${job.provider}" on this server`);
  return provider;
}

export type SlotOutcome = { status: "granted" } | { status: "waiting"; ahead: number } | { status: "cancelled" };

/**
 * Takes one of the JOB_CONCURRENCY generation slots shared by every process on the database, in priority
 * order; until then the job stays queued (and cancellable), showing how many are ahead of it. Safe to
 * run again: a job already processing holds its slot.
 */
export async function claimJobSlot({ jobId, runId }: { jobId: string; runId: string }): Promise<SlotOutcome> {
  const claim = await claimGenerationSlot({
    jobId,
    limit: env.JOB_CONCURRENCY,
    values: { started_at: new Date(), current_step: "preparing", progress: 0.02, engine_run_id: runId },
  });
  if (!claim) throw new NonRetriableError(`Job ${jobId} no longer exists`);
  const { job } = claim;

  // After a crash between the claim and its memo, the job is already processing: the event is still owed,
  // and its dedupe key keeps it to one.
  if (job.status === "processing") {
    await publishJob({ job, kind: "status", dedupeKey: `prepare:${job.retry_count}` });
    return { status: "granted" };
  }
  if (job.status !== "queued") return { status: "cancelled" };

  const waiting = `waiting for a free slot (${claim.ahead} ahead)`;
  if (job.current_step !== waiting) {
    const updated = await updateJobIf({ jobId, from: ["queued"], values: { current_step: waiting } });
    if (updated) await publishJob({ job: updated, kind: "step", dedupeKey: `wait:${job.retry_count}:${claim.ahead}` });
  }
  return { status: "waiting", ahead: claim.ahead };
}

/** How long a queued job waits before looking for a slot again; a freed slot wakes it sooner. */
export function slotWaitMs(wait: number): number {
  return Math.min(15_000, 500 * 2 ** (wait - 1));
}

export async function submitJob({ jobId }: { jobId: string }): Promise<Submission> {
  const job = await loadJob(jobId);
  const submission = await providerOf(job).submit({ jobId, params: job.params });
  await countProviderSubmission({ jobId });
  const updated = await updateJobIf({
    jobId,
    from: ["processing"],
    values: { current_step: "submitted", progress: 0.05, estimated_seconds: submission.estimatedSeconds },
  });
  if (updated) await publishJob({ job: updated, kind: "step", dedupeKey: `submit:${job.retry_count}` });
  return submission;
}

/** Asks the provider how far it got; progress is scaled into 5%-95%, leaving room for storing and finishing. */
export async function pollJob({ jobId, submission, poll }: { jobId: string; submission: Submission; poll: number }): Promise<PollOutcome> {
  const job = await loadJob(jobId);
  if (job.status !== "processing") return { status: "cancelled" };

  const onProgress = async (fraction: number, step: string) => {
    const updated = await updateJobIf({
      jobId,
      from: ["processing"],
      values: { current_step: step, progress: 0.05 + 0.9 * Math.min(1, fraction) },
    });
    if (updated)
      await publishJob({ job: updated, kind: "progress", dedupeKey: `poll-${poll}:${job.retry_count}:${Math.round(fraction * 100)}` });
  };
  const result = await withJobSignal(jobId, (signal) =>
    providerOf(job).poll({ jobId, projectId: job.project_id, params: job.params, externalId: submission.externalId, signal, onProgress }),
  );
  if (result.status === "done") return result;

  const updated = await updateJobIf({
    jobId,
    from: ["processing"],
    values: { current_step: result.step, progress: 0.05 + 0.9 * Math.min(1, result.progress) },
  });
  if (!updated) return { status: "cancelled" };
  await publishJob({ job: updated, kind: "progress", dedupeKey: `poll-${poll}:${job.retry_count}` });
  return { status: "running" };
}

export async function storeJobResult({ jobId, files }: { jobId: string; files: StoredFile[] }): Promise<void> {
  const job = await loadJob(jobId);
  for (const [position, file] of files.entries()) {
    await insertMediaIfAbsent({
      job_id: jobId,
      project_id: job.project_id,
      media_type: job.task_type,
      storage_key: file.storageKey,
      mime: file.mime,
      format: file.format,
      file_size: file.fileSize,
      width: file.width,
      height: file.height,
      duration: file.duration,
      position,
      generation_metadata: { provider: job.provider, params: job.params },
    });
  }
  const updated = await updateJobIf({ jobId, from: ["processing"], values: { current_step: "storing", progress: 0.97 } });
  if (updated) await publishJob({ job: updated, kind: "result", dedupeKey: `store:${job.retry_count}` });
}

export async function finishJob({ jobId }: { jobId: string }): Promise<void> {
  const finished = await updateJobIf({
    jobId,
    from: ["processing"],
    values: { status: "completed", progress: 1, current_step: "done", completed_at: new Date() },
  });
  // Also after a crash between the update and here: the event and the webhook are each recorded once.
  const job = finished ?? (await loadJob(jobId));
  if (job.status === "completed") await publishJob({ job, kind: "status", dedupeKey: `finish:${job.retry_count}` });
  await wakeJobsWaitingForSlot();
  await queueTerminalWebhook(job);
}

export async function failJob({ jobId, message }: { jobId: string; message: string }): Promise<void> {
  const failed = await updateJobIf({
    jobId,
    from: ACTIVE_STATUSES,
    values: { status: "failed", error_message: message.slice(0, 2000), current_step: "failed", completed_at: new Date() },
  });
  const job = failed ?? (await loadJob(jobId));
  if (job.status !== "failed") return;
  await publishJob({ job, kind: "status", dedupeKey: `fail:${job.retry_count}` });
  await wakeJobsWaitingForSlot();
  await queueTerminalWebhook(job);
}
