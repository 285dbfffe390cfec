import type { JobRow, JobStatus, MediaRow, TaskType } from "@/db/types";

export type Media = {
  id: string;
  jobId: string;
  mediaType: TaskType;
  mime: string;
  format: string;
  width: number | null;
  height: number | null;
  duration: number | null;
  fileSize: number;
  url: string;
};

/** A job as the API and the event stream show it (DESIGN.md section 9). */
export type Job = {
  id: string;
  /** Null when the card was deleted after the job ran. */
  cardId: string | null;
  projectId: string;
  status: JobStatus;
  progress: number;
  currentStep: string | null;
  priority: number;
  error: string | null;
  retryCount: number;
  maxRetries: number;
  provider: string;
  estimatedSeconds: number | null;
  params: unknown;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  media: Media[];
};

export function toMedia(row: MediaRow): Media {
  return {
    id: row.id,
    jobId: row.job_id,
    mediaType: row.media_type,
    mime: row.mime,
    format: row.format,
    width: row.width,
    height: row.height,
    duration: row.duration,
    fileSize: Number(row.file_size),
    url: `/api/media/${row.id}`,
  };
}

export function toJob(row: JobRow, media: MediaRow[] = []): Job {
  return {
    id: row.id,
    cardId: row.card_id,
    projectId: row.project_id,
    status: row.status,
    progress: row.progress,
    currentStep: row.current_step,
    priority: row.priority,
    error: row.error_message,
    retryCount: row.retry_count,
    maxRetries: row.max_retries,
    provider: row.provider,
    estimatedSeconds: row.estimated_seconds,
    params: row.params,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    media: media.filter((item) => item.job_id === row.id).map(toMedia),
  };
}
