"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { toast } from "sonner";
import { api } from "@/lib/api-client";
import type { Job } from "@/lib/jobs/dto";

const EVENT_NAMES = ["job.status", "job.progress", "job.step", "job.result", "job.log"];

export function jobsKey(projectId: string) {
  return ["jobs", projectId] as const;
}

const STATUS_RANK: Record<Job["status"], number> = { queued: 0, processing: 1, completed: 2, failed: 2, cancelled: 2 };

/**
 * Whether a snapshot of a job is at least as far along as another. A mutation's answer can arrive after
 * the stream's later events for the same job (a fast job completes before its POST returns), so the
 * cache keeps the furthest snapshot: later retry first, then later status, then more progress.
 */
export function isAtLeastAsRecent(candidate: Job, current: Job): boolean {
  if (candidate.retryCount !== current.retryCount) return candidate.retryCount > current.retryCount;
  if (STATUS_RANK[candidate.status] !== STATUS_RANK[current.status]) return STATUS_RANK[candidate.status] > STATUS_RANK[current.status];
  return candidate.progress >= current.progress || candidate.priority !== current.priority;
}

function upsert(jobs: Job[] | undefined, job: Job): Job[] {
  const list = jobs ?? [];
  const index = list.findIndex((candidate) => candidate.id === job.id);
  if (index < 0) return [...list, job];
  const current = list[index]!;
  if (!isAtLeastAsRecent(job, current)) return list;
  return list.map((candidate, at) => (at === index ? { ...job, media: job.media.length > 0 ? job.media : candidate.media } : candidate));
}

/**
 * The project's jobs, kept live by the project's event stream: each event carries the job as it now is
 * and is patched into the cache. No polling; after a reconnect the list is fetched once to close any gap.
 */
export function useProjectJobs(projectId: string, initialJobs: Job[], initialEventId: string) {
  const queryClient = useQueryClient();
  const key = jobsKey(projectId);
  const { data: jobs } = useQuery({
    queryKey: key,
    queryFn: async () => (await api<{ jobs: Job[] }>(`/api/projects/${projectId}/jobs`)).jobs,
    initialData: initialJobs,
  });

  useEffect(() => {
    // From the event the page was rendered at: what happened while the page loaded is replayed. Later
    // reconnects send the browser's own Last-Event-ID, which the server prefers.
    const source = new EventSource(`/api/projects/${projectId}/events?lastEventId=${encodeURIComponent(initialEventId)}`);
    const onJob = (event: MessageEvent<string>) => {
      const { job } = JSON.parse(event.data) as { job: Job };
      queryClient.setQueryData<Job[]>(key, (current) => upsert(current, job));
      if (job.status === "completed" || job.status === "failed")
        void queryClient.invalidateQueries({ queryKey: ["card-jobs", job.cardId] });
    };
    let hasOpened = false;
    source.onopen = () => {
      if (hasOpened) void queryClient.invalidateQueries({ queryKey: key });
      hasOpened = true;
    };
    for (const name of EVENT_NAMES) source.addEventListener(name, onJob);
    return () => source.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one stream per project
  }, [projectId, queryClient]);

  const latestByCard = useMemo(() => {
    const latest = new Map<string, Job>();
    for (const job of jobs) {
      if (!job.cardId) continue;
      const current = latest.get(job.cardId);
      if (!current || job.createdAt > current.createdAt) latest.set(job.cardId, job);
    }
    return latest;
  }, [jobs]);

  const active = useMemo(() => jobs.filter((job) => job.status === "queued" || job.status === "processing").sort(queueOrder), [jobs]);

  const mutate = (path: string, method: string, body?: unknown) => api<{ job: Job }>(path, { method, body });
  const onJob = ({ job }: { job: Job }) => queryClient.setQueryData<Job[]>(key, (current) => upsert(current, job));
  const onError = (error: Error) => toast.error(error.message);

  const generate = useMutation({
    mutationFn: ({ cardId, priority }: { cardId: string; priority: number }) => mutate(`/api/cards/${cardId}/jobs`, "POST", { priority }),
    onSuccess: onJob,
  });
  const cancel = useMutation({ mutationFn: (jobId: string) => mutate(`/api/jobs/${jobId}/cancel`, "POST"), onSuccess: onJob, onError });
  const retry = useMutation({ mutationFn: (jobId: string) => mutate(`/api/jobs/${jobId}/retry`, "POST"), onSuccess: onJob, onError });
  const setPriority = useMutation({
    mutationFn: ({ jobId, priority }: { jobId: string; priority: number }) => mutate(`/api/jobs/${jobId}`, "PATCH", { priority }),
    onSuccess: onJob,
    onError,
  });

  return { jobs, latestByCard, active, generate, cancel, retry, setPriority };
}

export type ProjectJobs = ReturnType<typeof useProjectJobs>;

/** The order the engine takes waiting jobs in: running first, then by priority, then oldest first. */
export function queueOrder(a: Job, b: Job): number {
  if (a.status !== b.status) return a.status === "processing" ? -1 : 1;
  return a.priority - b.priority || a.createdAt.localeCompare(b.createdAt);
}
