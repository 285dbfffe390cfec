"use client";

import { ListOrdered, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/field";
import type { Card } from "@/lib/boards/dto";
import { JobProgress, JobStatusChip } from "./job-progress";
import type { ProjectJobs } from "./use-project-jobs";

type QueuePanelProps = {
  jobsApi: ProjectJobs;
  cardsById: Map<string, Card>;
  engineLabel: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

export function QueueButton({ count, onClick }: { count: number; onClick: () => void }) {
  return (
    <Button variant="secondary" size="sm" onClick={onClick} aria-label={`Job queue, ${count} active`}>
      <ListOrdered className="h-4 w-4" aria-hidden />
      Queue
      <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white" aria-hidden>
        {count}
      </span>
    </Button>
  );
}

/** Every active job of the project in the order the engine takes them, with priority and cancel at hand. */
export function QueuePanel({ jobsApi, cardsById, engineLabel, open, onOpenChange }: QueuePanelProps) {
  const { active } = jobsApi;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Job queue"
      description={`Runs on: ${engineLabel}`}
      className="w-[min(94vw,36rem)]"
    >
      {active.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">
          No jobs are running or waiting. Open a card and press Generate.
        </p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Active jobs">
          {active.map((job, index) => (
            <li key={job.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid="queue-item">
              <div className="flex items-center gap-2">
                <span className="w-6 text-right text-xs text-zinc-500" aria-label={`Position ${index + 1}`}>
                  {index + 1}.
                </span>
                <span className="min-w-0 flex-1 truncate text-sm font-medium">
                  {(job.cardId && cardsById.get(job.cardId)?.title) ?? "Deleted card"}
                </span>
                <JobStatusChip job={job} />
                <Select
                  aria-label="Priority"
                  value={job.priority}
                  onChange={(event) => jobsApi.setPriority.mutate({ jobId: job.id, priority: Number(event.target.value) })}
                  className="h-8 w-28"
                >
                  <option value={1}>High</option>
                  <option value={2}>Normal</option>
                  <option value={3}>Low</option>
                </Select>
                <Button variant="ghost" size="icon" aria-label="Cancel job" onClick={() => jobsApi.cancel.mutate(job.id)}>
                  <X className="h-4 w-4" />
                </Button>
              </div>
              <div className="mt-2 pl-8">
                <JobProgress job={job} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
