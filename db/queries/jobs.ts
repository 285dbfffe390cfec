import "server-only";
import { sql } from "kysely";
import { getDb } from "../index";
import type { JobRow, JobStatus, MediaRow } from "../types";
import { type Executor, isUuid } from "./executor";

type JobValues = Partial<
  Pick<
    JobRow,
    | "status"
    | "progress"
    | "current_step"
    | "error_message"
    | "retry_count"
    | "priority"
    | "engine_run_id"
    | "estimated_seconds"
    | "started_at"
    | "completed_at"
  >
> & { metadata?: string };

export async function insertJob(
  values: {
    cardId: string;
    projectId: string;
    taskType: JobRow["task_type"];
    params: unknown;
    priority: number;
    provider: string;
    callbackUrl: string | null;
    estimatedSeconds: number | null;
    maxRetries: number;
  },
  db: Executor = getDb(),
): Promise<JobRow> {
  return db
    .insertInto("generation_jobs")
    .values({
      card_id: values.cardId,
      project_id: values.projectId,
      task_type: values.taskType,
      params: JSON.stringify(values.params),
      priority: values.priority,
      provider: values.provider,
      callback_url: values.callbackUrl,
      estimated_seconds: values.estimatedSeconds,
      max_retries: values.maxRetries,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The job if its project belongs to the owner. */
export async function findJobForOwner({ jobId, ownerId }: { jobId: string; ownerId: string }): Promise<JobRow | undefined> {
  if (!isUuid(jobId)) return undefined;
  return getDb()
    .selectFrom("generation_jobs")
    .innerJoin("projects", "projects.id", "generation_jobs.project_id")
    .selectAll("generation_jobs")
    .where("generation_jobs.id", "=", jobId)
    .where("projects.owner_id", "=", ownerId)
    .executeTakeFirst();
}

/** For the job's own steps, which act for the system rather than for a signed-in user. */
export async function findJob({ jobId }: { jobId: string }, db: Executor = getDb()): Promise<JobRow | undefined> {
  if (!isUuid(jobId)) return undefined;
  return db.selectFrom("generation_jobs").selectAll().where("id", "=", jobId).executeTakeFirst();
}

export async function listJobsOfCard({ cardId }: { cardId: string }): Promise<JobRow[]> {
  return getDb().selectFrom("generation_jobs").selectAll().where("card_id", "=", cardId).orderBy("created_at", "desc").limit(50).execute();
}

/** Every active job of the project, plus the latest job of each card (for the cards' status chips). */
export async function listProjectJobs({ projectId }: { projectId: string }): Promise<JobRow[]> {
  const { rows } = await sql<JobRow>`
    select * from generation_jobs where project_id = ${projectId} and status in ('queued', 'processing')
    union
    select distinct on (card_id) * from generation_jobs where project_id = ${projectId}
    order by created_at
  `.execute(getDb());
  return rows;
}

/**
 * Changes a job only if it is still in one of the `from` states: a compare-and-set, so that a cancel and
 * a finishing step racing each other cannot both win. Undefined when the guard failed.
 */
export async function updateJobIf(
  { jobId, from, values }: { jobId: string; from: readonly JobStatus[]; values: JobValues },
  db: Executor = getDb(),
): Promise<JobRow | undefined> {
  return db
    .updateTable("generation_jobs")
    .set(values)
    .where("id", "=", jobId)
    .where("status", "in", [...from])
    .returningAll()
    .executeTakeFirst();
}

/** Serialises slot claims across processes, so the limit holds when several apps share the database. */
const GENERATION_SLOTS_LOCK = 7_349_002;

export type SlotClaim = { job: JobRow; isGranted: boolean; ahead: number };

/**
 * Moves a queued job to processing if one of `limit` generation slots is free and no queued job is ahead
 * of it (higher priority first, then first come). `ahead` counts the queued jobs before it; a job that is
 * not queued comes back unchanged and not granted.
 */
export async function claimGenerationSlot({
  jobId,
  limit,
  values,
}: {
  jobId: string;
  limit: number;
  values: JobValues;
}): Promise<SlotClaim | undefined> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${GENERATION_SLOTS_LOCK})`.execute(trx);
      const job = await trx.selectFrom("generation_jobs").selectAll().where("id", "=", jobId).executeTakeFirst();
      if (!job || job.status !== "queued") return job && { job, isGranted: false, ahead: 0 };

      const { rows } = await sql<{ running: number; ahead: number }>`
      select
        (select count(*)::int from generation_jobs where status = 'processing') as running,
        (select count(*)::int from generation_jobs where status = 'queued'
          and (priority, created_at, id) < (${job.priority}, ${job.created_at}, ${job.id})) as ahead
    `.execute(trx);
      const { running, ahead } = rows[0]!;
      if (running + ahead >= limit) return { job, isGranted: false, ahead };

      const granted = await updateJobIf({ jobId, from: ["queued"], values: { ...values, status: "processing" } }, trx);
      return { job: granted ?? job, isGranted: Boolean(granted), ahead };
    });
}

/** Counts one more hand-over of the job to its provider. */
export async function countProviderSubmission({ jobId }: { jobId: string }): Promise<void> {
  await getDb()
    .updateTable("generation_jobs")
    .set((eb) => ({ provider_submissions: eb("provider_submissions", "+", 1) }))
    .where("id", "=", jobId)
    .execute();
}

export async function listMediaOfJobs({ jobIds }: { jobIds: string[] }, db: Executor = getDb()): Promise<MediaRow[]> {
  if (jobIds.length === 0) return [];
  return db.selectFrom("media").selectAll().where("job_id", "in", jobIds).orderBy("job_id").orderBy("position").execute();
}

export async function insertMediaIfAbsent(
  values: Omit<MediaRow, "id" | "created_at" | "generation_metadata"> & { generation_metadata: Record<string, unknown> },
  db: Executor = getDb(),
): Promise<void> {
  await db
    .insertInto("media")
    .values({ ...values, generation_metadata: JSON.stringify(values.generation_metadata) })
    .onConflict((conflict) => conflict.columns(["job_id", "position"]).doNothing())
    .execute();
}

export async function findMediaForOwner({ mediaId, ownerId }: { mediaId: string; ownerId: string }): Promise<MediaRow | undefined> {
  if (!isUuid(mediaId)) return undefined;
  return getDb()
    .selectFrom("media")
    .innerJoin("projects", "projects.id", "media.project_id")
    .selectAll("media")
    .where("media.id", "=", mediaId)
    .where("projects.owner_id", "=", ownerId)
    .executeTakeFirst();
}
