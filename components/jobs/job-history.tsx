"use client";

import { History } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { Job } from "@/lib/jobs/dto";
import { JobStatusChip } from "./job-progress";

/** The parameters a job ran with, as a short line: the values a creator compares between attempts. */
export function paramsSummary(params: unknown): string {
  const entries = Object.entries((params ?? {}) as Record<string, unknown>).filter(([, value]) => value !== "" && value !== null);
  return entries
    .map(([key, value]) => `${key}: ${typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}...` : String(value)}`)
    .join(" · ");
}

/** Every earlier generation of the card, with its parameter snapshot and a way to reuse it. */
export function JobHistory({ jobs, onReuse }: { jobs: Job[]; onReuse: (job: Job) => void }) {
  if (jobs.length === 0) return null;
  return (
    <details className="rounded-md border border-zinc-200 dark:border-zinc-800">
      <summary className="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm font-medium">
        <History className="h-4 w-4" aria-hidden /> History ({jobs.length})
      </summary>
      <ol className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Generation history">
        {jobs.map((job) => (
          <li key={job.id} className="flex flex-col gap-1 px-3 py-2" data-testid="history-item">
            <div className="flex items-center gap-2 text-xs">
              <JobStatusChip job={job} testId="history-job-status" />
              <time className="text-zinc-500" dateTime={job.createdAt}>
                {new Date(job.createdAt).toLocaleString()}
              </time>
              <span className="text-zinc-500">
                {job.media.length} result{job.media.length === 1 ? "" : "s"}
              </span>
              <Button size="sm" variant="ghost" className="ml-auto" onClick={() => onReuse(job)}>
                Use these parameters again
              </Button>
            </div>
            <p className="text-xs break-words text-zinc-600 dark:text-zinc-400">{paramsSummary(job.params)}</p>
            {job.error && <p className="text-xs text-red-600">{job.error}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
