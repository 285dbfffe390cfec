"use client";

import { Brain } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { TASK_TYPE_META } from "@/components/board/task-types";
import { Button } from "@/components/ui/button";
import type { Asset } from "@/lib/assets/assets";
import { TASK_TYPES, type TaskTypeName } from "@/lib/validations/generation-params";
import { cn } from "@/lib/utils";
import { useProjectAssets } from "./use-project-assets";

/** The project's memory: every approved asset, grouped by type, each linking back to its card and job. */
export function MemoryView({ projectId, initialAssets }: { projectId: string; initialAssets: Asset[] }) {
  const { assets, unapprove } = useProjectAssets(projectId, initialAssets);
  const [filter, setFilter] = useState<TaskTypeName | "all">("all");
  const shown = TASK_TYPES.filter((type) => filter === "all" || filter === type);

  return (
    <section className="mx-auto w-full max-w-6xl p-6">
      <div className="mb-6 flex flex-wrap items-center gap-2" role="group" aria-label="Filter by type">
        {(["all", ...TASK_TYPES] as const).map((type) => (
          <Button
            key={type}
            size="sm"
            variant={filter === type ? "primary" : "secondary"}
            aria-pressed={filter === type}
            onClick={() => setFilter(type)}
          >
            {type === "all" ? "All" : TASK_TYPE_META[type].label} (
            {type === "all" ? assets.length : assets.filter((asset) => asset.assetType === type).length})
          </Button>
        ))}
      </div>

      {assets.length === 0 ? (
        <div className="flex flex-col items-center rounded-xl border border-dashed border-zinc-300 p-12 text-center dark:border-zinc-700">
          <Brain className="h-10 w-10 text-zinc-400" aria-hidden />
          <h2 className="mt-3 font-medium">Nothing approved yet</h2>
          <p className="mt-1 max-w-sm text-sm text-zinc-500">
            Generate on a card, then approve the results you want to keep. They gather here.
          </p>
        </div>
      ) : (
        shown.map((type) => {
          const group = assets.filter((asset) => asset.assetType === type);
          if (group.length === 0) return null;
          const { label, Icon } = TASK_TYPE_META[type];
          return (
            <div key={type} className="mb-8">
              <h2 className="mb-3 flex items-center gap-2 text-lg font-semibold">
                <Icon className="h-5 w-5" aria-hidden /> {label}
              </h2>
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={`Approved ${label.toLowerCase()} assets`}>
                {group.map((asset) => (
                  <li
                    key={asset.id}
                    className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
                    data-testid="asset"
                  >
                    {asset.media?.mime.startsWith("image/") && (
                      // eslint-disable-next-line @next/next/no-img-element -- private, access-checked bytes: no image optimiser
                      <img src={asset.media.url} alt={asset.title} className="aspect-video w-full object-cover" />
                    )}
                    <div className="p-3">
                      <p className="truncate text-sm font-medium">{asset.title}</p>
                      {asset.prompt && <p className="mt-1 line-clamp-2 text-xs text-zinc-500">{asset.prompt}</p>}
                      <p className="mt-2 text-xs text-zinc-500">
                        {asset.cardId ? (
                          <Link className="text-indigo-600 hover:underline" href={`/projects/${projectId}?card=${asset.cardId}`}>
                            From card {asset.cardTitle}
                          </Link>
                        ) : (
                          "Its card was deleted"
                        )}
                        <span className={cn("ml-1")}>· job {asset.jobId.slice(0, 8)}</span>
                      </p>
                      <Button variant="ghost" size="sm" className="mt-2 -ml-2" onClick={() => unapprove.mutate(asset.id)}>
                        Un-approve
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}
