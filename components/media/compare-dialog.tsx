"use client";

import { Dialog } from "@/components/ui/dialog";
import { paramsSummary } from "@/components/jobs/job-history";
import type { Job, Media } from "@/lib/jobs/dto";
import { MediaPreview } from "./media-preview";

export type Selected = { media: Media; job: Job };

/** Two results side by side, each with the parameters it was made with. */
export function CompareDialog({ pair, onClose }: { pair: [Selected, Selected] | null; onClose: () => void }) {
  return (
    <Dialog open={pair !== null} onOpenChange={(open) => !open && onClose()} title="Compare results" className="w-[min(96vw,64rem)]">
      {pair && (
        <div className="grid grid-cols-2 gap-4" data-testid="compare">
          {pair.map(({ media, job }, index) => (
            <figure key={media.id} className="flex flex-col gap-2">
              <MediaPreview media={media} label={`Compared result ${index + 1}`} isZoomable={false} />
              <figcaption className="text-xs break-words text-zinc-600 dark:text-zinc-400">
                <span className="font-medium">{new Date(job.createdAt).toLocaleString()}</span> · {paramsSummary(job.params)}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </Dialog>
  );
}
