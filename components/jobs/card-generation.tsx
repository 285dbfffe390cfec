"use client";

import { useQuery } from "@tanstack/react-query";
import { BadgeCheck, Columns2, RotateCcw, Sparkles, Square } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ApiError, api } from "@/lib/api-client";
import type { Job } from "@/lib/jobs/dto";
import { JobHistory } from "./job-history";
import { JobProgress, JobStatusChip } from "./job-progress";
import type { ProjectAssets } from "@/components/memory/use-project-assets";
import { CompareDialog, type Selected } from "@/components/media/compare-dialog";
import { MediaPreview } from "@/components/media/media-preview";
import type { TaskTypeName } from "@/lib/validations/generation-params";
import type { ProjectJobs } from "./use-project-jobs";
import { resolveProviderId } from "@/lib/providers/resolve";
import { useProviders } from "./use-providers";

type CardGenerationProps = {
  cardId: string;
  latest: Job | undefined;
  jobsApi: ProjectJobs;
  assetsApi: ProjectAssets;
  taskType: TaskTypeName;
  model: string;
  /** Puts a past job's parameter snapshot back on the card. */
  onReuse: (job: Job) => void;
  onInvalid: (fields: Record<string, string[]>) => void;
  /** The parameter form has edits not saved yet: Generate saves them first. */
  hasUnsavedEdits?: boolean;
  /** Runs before a new job (saving the form); false stops it. */
  beforeGenerate?: () => Promise<boolean>;
};

/** Generate, watch, cancel and retry a card's job, and its results and earlier generations. */
export function CardGeneration({
  cardId,
  latest,
  jobsApi,
  assetsApi,
  taskType,
  model,
  onReuse,
  onInvalid,
  hasUnsavedEdits = false,
  beforeGenerate,
}: CardGenerationProps) {
  const providerId = resolveProviderId(taskType, model);
  const provider = useProviders().data?.find((candidate) => candidate.id === providerId);
  const isSupported = providerId !== undefined && (provider?.isAvailable ?? true);
  const [priority, setPriority] = useState(2);
  const [error, setError] = useState<string | null>(null);
  const history = useQuery({
    queryKey: ["card-jobs", cardId],
    queryFn: async () => (await api<{ jobs: Job[] }>(`/api/cards/${cardId}/jobs`)).jobs,
  });
  const [selected, setSelected] = useState<Selected[]>([]);
  const [comparing, setComparing] = useState<[Selected, Selected] | null>(null);
  const isActive = latest?.status === "queued" || latest?.status === "processing";
  const toggleSelected = (item: Selected) =>
    setSelected((current) =>
      current.some((entry) => entry.media.id === item.media.id)
        ? current.filter((entry) => entry.media.id !== item.media.id)
        : [...current, item].slice(-2),
    );
  const results = (history.data ?? []).filter((job) => job.status === "completed" && job.media.length > 0);

  /** A new job from the card's parameters as the form shows them (saved first when edited). */
  async function generate() {
    setError(null);
    if (beforeGenerate && !(await beforeGenerate())) {
      setError("Fix the marked fields first: the card's parameters are what gets generated");
      return;
    }
    jobsApi.generate.mutate(
      { cardId, priority },
      {
        onError: (failure) => {
          if (failure instanceof ApiError && failure.fields) onInvalid(failure.fields);
          setError(failure.message);
        },
        onSuccess: () => void history.refetch(),
      },
    );
  }

  return (
    <section aria-label="Generation" className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          onClick={() => void generate()}
          disabled={!isSupported || isActive || jobsApi.generate.isPending}
          aria-describedby={hasUnsavedEdits ? `${cardId}-unsaved` : undefined}
        >
          <Sparkles className="h-4 w-4" aria-hidden />
          Generate
        </Button>
        <Select
          aria-label="Job priority"
          value={priority}
          onChange={(event) => setPriority(Number(event.target.value))}
          className="h-9 w-40"
        >
          <option value={1}>High priority</option>
          <option value={2}>Normal priority</option>
          <option value={3}>Low priority</option>
        </Select>
        {latest && <JobStatusChip job={latest} />}
        {isActive && latest && (
          <Button variant="secondary" size="sm" onClick={() => jobsApi.cancel.mutate(latest.id)}>
            <Square className="h-3.5 w-3.5" aria-hidden />
            Cancel job
          </Button>
        )}
        {latest?.status === "failed" && (
          <>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => jobsApi.retry.mutate(latest.id)}
              title="Runs the failed job again with the parameters it had then"
            >
              <RotateCcw className="h-3.5 w-3.5" aria-hidden />
              Retry as it was
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void generate()}
              title="A new job from the card's parameters as they are now"
            >
              <RotateCcw className="h-3.5 w-3.5" aria-hidden />
              Retry with current parameters
            </Button>
          </>
        )}
      </div>
      {hasUnsavedEdits && (
        <p id={`${cardId}-unsaved`} className="text-xs text-zinc-500">
          Unsaved edits below are saved when you press Generate.
        </p>
      )}
      {!providerId && (
        <p className="text-xs text-red-600">
          No generator serves the model &quot;{model}&quot;: use local-..., openai/... or replicate/...
        </p>
      )}
      {provider && (
        <p className="text-xs text-zinc-500">
          Generator: {provider.label}
          {provider.reason && <span className="text-red-600"> (unavailable: {provider.reason})</span>}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
      {latest && latest.status !== "completed" && <JobProgress job={latest} />}
      {results.length > 0 && (
        <div>
          <div className="mb-2 flex items-center justify-between gap-2">
            <h3 className="text-sm font-medium">Results</h3>
            <Button
              size="sm"
              variant="secondary"
              disabled={selected.length !== 2}
              onClick={() => setComparing([selected[0]!, selected[1]!])}
            >
              <Columns2 className="h-3.5 w-3.5" aria-hidden />
              Compare {selected.length}/2
            </Button>
          </div>
          <ul className={taskType === "image" ? "grid grid-cols-3 gap-2" : "flex flex-col gap-3"} aria-label="Results">
            {results.flatMap((job) =>
              job.media.map((media, index) => {
                const asset = assetsApi.byMedia.get(media.id);
                return (
                  <li key={media.id} className="flex flex-col gap-1">
                    <MediaPreview media={media} label={`Result ${index + 1} of ${new Date(job.createdAt).toLocaleString()}`} />
                    <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                      <input
                        type="checkbox"
                        checked={selected.some((entry) => entry.media.id === media.id)}
                        onChange={() => toggleSelected({ media, job })}
                      />
                      Compare
                    </label>
                    {asset ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        className="text-emerald-700"
                        aria-pressed
                        onClick={() => assetsApi.unapprove.mutate(asset.id)}
                      >
                        <BadgeCheck className="h-3.5 w-3.5" aria-hidden />
                        Approved
                      </Button>
                    ) : (
                      <Button size="sm" variant="secondary" aria-pressed={false} onClick={() => assetsApi.approve.mutate(media.id)}>
                        Approve
                      </Button>
                    )}
                  </li>
                );
              }),
            )}
          </ul>
        </div>
      )}
      <JobHistory jobs={history.data ?? []} onReuse={onReuse} />
      <CompareDialog pair={comparing} onClose={() => setComparing(null)} />
    </section>
  );
}
