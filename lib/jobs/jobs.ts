import "server-only";
import { findCardForOwner } from "@/db/queries/cards";
import { setRunPriority } from "@/db/queries/engine-runs";
import { latestJobEventId } from "@/db/queries/job-events";
import { notify } from "@/db/queries/notify";
import { CHANNELS } from "@/db/channels";
import { findJobForOwner, insertJob, listJobsOfCard, listMediaOfJobs, listProjectJobs, updateJobIf } from "@/db/queries/jobs";
import { findProjectForOwner } from "@/db/queries/projects";
import type { JobRow } from "@/db/types";
import { inngest } from "@/inngest/client";
import { jobCancelled, jobRequested } from "@/inngest/events";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { providerFor } from "@/lib/providers";
import { env } from "@/lib/env";
import { generationParamsSchemaFor, PROMPT_FIELD, promptOf } from "@/lib/validations/generation-params";
import { queueTerminalWebhook } from "@/lib/webhooks/deliveries";
import { assertDeliverableUrl } from "@/lib/webhooks/url-policy";
import { type CreateJobInput, PRIORITY_BOOST_SECONDS, type UpdateJobInput } from "@/lib/validations/job";
import { type Job, toJob } from "./dto";
import { wakeJobsWaitingForSlot } from "./engine/wake";
import { publishJob } from "./publish";
import { failJob } from "./run-steps";
import { ACTIVE_STATUSES, assertTransition, sourcesOf } from "./transitions";

type Owner = { ownerId: string };

const MAX_RETRIES = 3;

async function withMedia(rows: JobRow[]): Promise<Job[]> {
  const media = await listMediaOfJobs({ jobIds: rows.map((row) => row.id) });
  return rows.map((row) => toJob(row, media));
}

async function ownedJob({ ownerId, jobId }: Owner & { jobId: string }): Promise<JobRow> {
  const job = await findJobForOwner({ jobId, ownerId });
  if (!job) throw notFound("No such job");
  return job;
}

/** Hands the job to the engine; if that fails the job fails visibly rather than waiting forever. */
async function requestRun(job: JobRow): Promise<void> {
  try {
    await inngest.send(jobRequested.create({ jobId: job.id, priorityBoost: PRIORITY_BOOST_SECONDS[job.priority as 1 | 2 | 3] }));
  } catch (error) {
    await failJob({ jobId: job.id, message: `The job engine did not accept the job: ${error instanceof Error ? error.message : error}` });
    throw new AppError("internal", "The job engine is not reachable; the job was marked failed");
  }
}

/** Snapshots the card's parameters into a queued job and starts its run. */
export async function createJob({ ownerId, cardId, input }: Owner & { cardId: string; input: CreateJobInput }): Promise<Job> {
  const card = await findCardForOwner({ cardId, ownerId });
  if (!card) throw notFound("No such card");
  const params = parseOrThrow(generationParamsSchemaFor(card.task_type), card.generation_params, "generationParams");
  const provider = providerFor(card.task_type, params.model);
  if (!provider) {
    const message = `No generator serves "${params.model}" for ${card.task_type} cards: use local-..., openai/<model> or replicate/<owner>/<name>`;
    throw new AppError("validation_failed", message, { "generationParams.model": [message] });
  }
  const availability = await provider.availability();
  if (!availability.isAvailable) throw new AppError("validation_failed", `${provider.label} is unavailable: ${availability.reason}`);

  const [field, text] = [PROMPT_FIELD[card.task_type], promptOf(params)];
  const hasReference = "referenceAssetId" in params && params.referenceAssetId !== null;
  if (!text.trim() && !hasReference) {
    throw new AppError("validation_failed", "Write what to generate first", {
      [`generationParams.${field}`]: ["Write what to generate first"],
    });
  }

  if (input.callbackUrl) await assertDeliverableUrl(input.callbackUrl, { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE });

  const job = await insertJob({
    cardId,
    projectId: card.project_id,
    taskType: card.task_type,
    params,
    priority: input.priority ?? 2,
    provider: provider.id,
    callbackUrl: input.callbackUrl ?? null,
    estimatedSeconds: null,
    maxRetries: MAX_RETRIES,
  });
  await publishJob({ job, kind: "status" });
  await requestRun(job);
  return toJob(job);
}

export async function getJob({ ownerId, jobId }: Owner & { jobId: string }): Promise<Job> {
  const [job] = await withMedia([await ownedJob({ ownerId, jobId })]);
  return job!;
}

export async function listCardJobs({ ownerId, cardId }: Owner & { cardId: string }): Promise<Job[]> {
  if (!(await findCardForOwner({ cardId, ownerId }))) throw notFound("No such card");
  return withMedia(await listJobsOfCard({ cardId }));
}

/** Every active job of the project and the latest job of each card. */
export async function listJobsOfProject({ ownerId, projectId }: Owner & { projectId: string }): Promise<Job[]> {
  if (!(await findProjectForOwner({ projectId, ownerId }))) throw notFound("No such project");
  return withMedia(await listProjectJobs({ projectId }));
}

/**
 * The project's jobs for a page to render, with the id of the last event already reflected in them: the
 * page's event stream resumes from there, so nothing that happens between the render and the stream's
 * start is missed (the id is read first; an event replayed twice is harmless).
 */
export async function jobsSnapshotOfProject({
  ownerId,
  projectId,
}: Owner & { projectId: string }): Promise<{ jobs: Job[]; lastEventId: string }> {
  if (!(await findProjectForOwner({ projectId, ownerId }))) throw notFound("No such project");
  const lastEventId = await latestJobEventId({ projectId });
  return { jobs: await withMedia(await listProjectJobs({ projectId })), lastEventId };
}

/** Cancels a queued or running job: its run stops before its next step and its provider call is aborted. */
export async function cancelJob({ ownerId, jobId }: Owner & { jobId: string }): Promise<Job> {
  const current = await ownedJob({ ownerId, jobId });
  const job = await updateJobIf({
    jobId,
    from: sourcesOf("cancelled"),
    values: { status: "cancelled", current_step: "cancelled", completed_at: new Date() },
  });
  if (!job) {
    assertTransition(current.status, "cancelled");
    throw new AppError("conflict", "The job changed meanwhile; reload and try again");
  }
  await publishJob({ job, kind: "status" });
  await inngest.send(jobCancelled.create({ jobId }));
  if (current.status === "processing") await wakeJobsWaitingForSlot();
  await queueTerminalWebhook(job);
  await notify(CHANNELS.engine, `cancel:${jobId}`);
  return toJob(job);
}

/** Queues a failed job again, with the same parameter snapshot. */
export async function retryJob({ ownerId, jobId }: Owner & { jobId: string }): Promise<Job> {
  const current = await ownedJob({ ownerId, jobId });
  assertTransition(current.status, "queued");
  const job = await updateJobIf({
    jobId,
    from: sourcesOf("queued"),
    values: {
      status: "queued",
      progress: 0,
      current_step: null,
      error_message: null,
      started_at: null,
      completed_at: null,
      retry_count: current.retry_count + 1,
    },
  });
  if (!job) throw new AppError("conflict", "The job changed meanwhile; reload and try again");
  await publishJob({ job, kind: "status" });
  await requestRun(job);
  return toJob(job);
}

/** Changes an active job's priority; with the embedded engine a waiting run moves in the queue at once. */
export async function updateJobPriority({ ownerId, jobId, input }: Owner & { jobId: string; input: UpdateJobInput }): Promise<Job> {
  await ownedJob({ ownerId, jobId });
  const job = await updateJobIf({ jobId, from: ACTIVE_STATUSES, values: { priority: input.priority } });
  if (!job) throw new AppError("conflict", "Only a queued or running job's priority can change");
  await setRunPriority({ runIdsOfEvent: { field: "jobId", value: jobId }, prioritySeconds: PRIORITY_BOOST_SECONDS[input.priority] });
  await publishJob({ job, kind: "status" });
  return (await withMedia([job]))[0]!;
}
