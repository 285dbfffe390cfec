"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { BadgeCheck } from "lucide-react";
import { memo } from "react";
import { JobProgress, JobStatusChip } from "@/components/jobs/job-progress";
import { CardPreview } from "@/components/media/card-preview";
import type { Card } from "@/lib/boards/dto";
import type { Job } from "@/lib/jobs/dto";
import { cn } from "@/lib/utils";
import { promptOf } from "@/lib/validations/generation-params";

function CardBody({ card, job, isApproved = false }: { card: Card; job?: Job; isApproved?: boolean }) {
  const detail = promptOf(card.generationParams) || card.description;
  const result = job?.status === "completed" ? job.media[0] : undefined;
  const isActive = job?.status === "queued" || job?.status === "processing";
  return (
    <>
      {result && <CardPreview media={result} />}
      <p className="text-sm font-medium break-words">
        {card.title}
        {isApproved && (
          <span
            className="ml-1.5 inline-flex translate-y-0.5 items-center text-emerald-600"
            title="Has approved results"
            data-testid="approved-badge"
          >
            <BadgeCheck className="h-4 w-4" aria-label="Approved" />
          </span>
        )}
      </p>
      {detail && <p className="mt-1 line-clamp-2 text-xs text-zinc-500">{detail}</p>}
      {job && (isActive || job.status === "failed") && (
        <div className="mt-2 flex flex-col gap-1">
          <JobStatusChip job={job} />
          {isActive && <JobProgress job={job} isCompact />}
        </div>
      )}
    </>
  );
}

const cardClass = "w-full rounded-lg border border-zinc-200 bg-white p-3 text-left shadow-sm dark:border-zinc-800 dark:bg-zinc-900";

/** A card on the board: drag it (mouse, touch, or Space then arrows), click or press Enter to open it. */
type BoardCardProps = { card: Card; onOpen: (cardId: string) => void; job?: Job; isApproved?: boolean };

export const BoardCard = memo(function BoardCard({ card, onOpen, job, isApproved }: BoardCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { type: "card", activityId: card.activityId },
  });

  return (
    <li ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={cn(isDragging && "opacity-40")}>
      <div
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-label={`Card ${card.title}`}
        data-testid="card"
        onClick={() => onOpen(card.id)}
        onKeyDown={(event) => {
          listeners?.onKeyDown?.(event);
          if (event.key === "Enter" && !isDragging) {
            // Without this the same Enter also activates the button the dialog focuses, and closes it again.
            event.preventDefault();
            onOpen(card.id);
          }
        }}
        className={cn(
          cardClass,
          "cursor-grab touch-manipulation transition-shadow hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-500 active:cursor-grabbing",
        )}
      >
        <CardBody card={card} job={job} isApproved={isApproved} />
      </div>
    </li>
  );
});

/** What follows the pointer while a card is dragged. */
export function BoardCardPreview({ card }: { card: Card }) {
  return (
    <div className={cn(cardClass, "cursor-grabbing shadow-lg ring-2 ring-indigo-500/40")}>
      <CardBody card={card} />
    </div>
  );
}
