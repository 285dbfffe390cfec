"use client";

import { AlertTriangle, CheckCircle2, Clock, Loader2, XCircle } from "lucide-react";
import type { Job } from "@/lib/jobs/dto";
import { cn } from "@/lib/utils";

const STATUS = {
  queued: { label: "Queued", Icon: Clock, tone: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" },
  processing: { label: "Generating", Icon: Loader2, tone: "bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300" },
  completed: { label: "Done", Icon: CheckCircle2, tone: "bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300" },
  failed: { label: "Failed", Icon: AlertTriangle, tone: "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300" },
  cancelled: { label: "Cancelled", Icon: XCircle, tone: "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400" },
} as const;

export function JobStatusChip({ job, testId = "job-status" }: { job: Job; testId?: string }) {
  const { label, Icon, tone } = STATUS[job.status];
  return (
    <span className={cn("inline-flex items-center gap-1 rounded-full px-1.5 py-0.5 text-xs font-medium", tone)} data-testid={testId}>
      <Icon className={cn("h-3 w-3", job.status === "processing" && "animate-spin")} aria-hidden />
      {label}
    </span>
  );
}

/** Seconds left, from the progress so far (or the provider's estimate before any progress). */
export function secondsLeft(job: Job, now = Date.now()): number | null {
  if (job.status !== "processing" || !job.startedAt) return job.status === "queued" ? job.estimatedSeconds : null;
  const elapsed = (now - new Date(job.startedAt).getTime()) / 1000;
  if (job.progress > 0.05) return Math.max(0, (elapsed / job.progress) * (1 - job.progress));
  return job.estimatedSeconds === null ? null : Math.max(0, job.estimatedSeconds - elapsed);
}

/** A progress bar with the current step and an estimate, as a screen reader would also want it. */
export function JobProgress({ job, isCompact = false }: { job: Job; isCompact?: boolean }) {
  const percent = Math.round(job.progress * 100);
  const left = secondsLeft(job);
  const isActive = job.status === "queued" || job.status === "processing";
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Generation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className={cn("overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800", isCompact ? "h-1" : "h-2")}
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-300",
            job.status === "failed" ? "bg-red-500" : job.status === "completed" ? "bg-emerald-500" : "bg-indigo-500",
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
      {!isCompact && (
        <div className="flex items-center justify-between gap-2 text-xs text-zinc-500">
          <span data-testid="job-step">
            {percent}%{job.currentStep && isActive ? ` · ${job.currentStep}` : ""}
          </span>
          {isActive && left !== null && <span>about {Math.ceil(left)} s left</span>}
        </div>
      )}
      {job.status === "failed" && job.error && !isCompact && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {job.error}
        </p>
      )}
    </div>
  );
}
