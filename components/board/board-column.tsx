"use client";

import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, Pencil, Plus, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import type { BoardColumn } from "@/lib/boards/dto";
import type { Job } from "@/lib/jobs/dto";
import { cn } from "@/lib/utils";
import { BoardCard } from "./board-card";
import { TASK_TYPE_META } from "./task-types";
import { useProgressiveCount } from "./use-progressive-count";
import type { BoardApi } from "./use-board";

/** Cards rendered per column before the creator scrolls for more. */
const CARDS_PER_PAGE = 40;

type BoardColumnProps = {
  dndId: string;
  column: BoardColumn;
  boardApi: BoardApi;
  onOpenCard: (cardId: string) => void;
  latestJobs: Map<string, Job>;
  approvedCards: Set<string>;
};

export function BoardColumnView({ dndId, column, boardApi, onOpenCard, latestJobs, approvedCards }: BoardColumnProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: dndId,
    data: { type: "column" },
  });
  const [isRenaming, setIsRenaming] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [isAdding, setIsAdding] = useState(false);
  const meta = TASK_TYPE_META[column.taskType];
  const { count, hasMore, sentinelRef } = useProgressiveCount(column.cards.length, CARDS_PER_PAGE);
  const shownCards = column.cards.slice(0, count);

  function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "").trim();
    if (title && title !== column.title) boardApi.updateActivity.mutate({ activityId: column.id, input: { title } });
    setIsRenaming(false);
  }

  function addCard(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const title = String(new FormData(form).get("title") ?? "").trim();
    if (!title) return;
    boardApi.addCard.mutate({ activityId: column.id, title });
    form.reset();
  }

  return (
    <section
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-label={`Column ${column.title}`}
      data-testid="column"
      className={cn(
        "flex max-h-full w-72 shrink-0 flex-col rounded-xl border border-t-4 border-zinc-200 bg-zinc-100/80 dark:border-zinc-800 dark:bg-zinc-900/60",
        meta.accent,
        isDragging && "opacity-50",
      )}
    >
      <header className="flex items-center gap-1.5 px-2 pt-2 pb-1">
        <button
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Move column ${column.title}`}
          className="cursor-grab rounded p-1 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800"
        >
          <GripVertical className="h-4 w-4" aria-hidden />
        </button>
        <span className={cn("rounded-md p-1", meta.badge)} title={`${meta.label} column`}>
          <meta.Icon className="h-4 w-4" aria-label={`${meta.label} column`} />
        </span>
        {isRenaming ? (
          <form onSubmit={rename} className="flex-1">
            <Input
              name="title"
              defaultValue={column.title}
              aria-label="Column title"
              autoFocus
              onBlur={(event) => event.currentTarget.form?.requestSubmit()}
              onKeyDown={(event) => event.key === "Escape" && setIsRenaming(false)}
              className="h-7"
            />
          </form>
        ) : (
          <h2 className="min-w-0 flex-1 truncate text-sm font-semibold">{column.title}</h2>
        )}
        <span className="text-xs text-zinc-500" aria-label={`${column.cards.length} cards`}>
          {column.cards.length}
        </span>
        <Menu
          label={`Actions for column ${column.title}`}
          items={[
            { label: "Rename", icon: <Pencil className="h-4 w-4" />, onSelect: () => setIsRenaming(true) },
            { label: "Delete", icon: <Trash2 className="h-4 w-4" />, onSelect: () => setIsDeleting(true), isDanger: true },
          ]}
        />
      </header>

      <SortableContext items={shownCards.map((card) => card.id)} strategy={verticalListSortingStrategy}>
        <ol className="flex min-h-12 flex-col gap-2 overflow-y-auto px-2 pb-2" aria-label={`Cards in ${column.title}`}>
          {shownCards.map((card) => (
            <BoardCard
              key={card.id}
              card={card}
              onOpen={onOpenCard}
              job={latestJobs.get(card.id)}
              isApproved={approvedCards.has(card.id)}
            />
          ))}
          {hasMore && (
            <li ref={sentinelRef} className="py-2 text-center text-xs text-zinc-500">
              {column.cards.length - count} more cards
            </li>
          )}
          {column.cards.length === 0 && !isAdding && (
            <li className="rounded-lg border border-dashed border-zinc-300 p-3 text-center text-xs text-zinc-500 dark:border-zinc-700">
              No cards yet. Add one, or drop a card here.
            </li>
          )}
        </ol>
      </SortableContext>

      <div className="px-2 pb-2">
        {isAdding ? (
          <form onSubmit={addCard} className="flex flex-col gap-2">
            <Input
              name="title"
              placeholder="Card title"
              aria-label={`New card title in ${column.title}`}
              autoFocus
              onKeyDown={(event) => event.key === "Escape" && setIsAdding(false)}
            />
            <div className="flex gap-2">
              <Button type="submit" size="sm">
                Add card
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setIsAdding(false)}>
                Done
              </Button>
            </div>
          </form>
        ) : (
          <Button variant="ghost" size="sm" className="w-full justify-start" onClick={() => setIsAdding(true)}>
            <Plus className="h-4 w-4" aria-hidden />
            Add a card
          </Button>
        )}
      </div>

      <ConfirmDialog
        open={isDeleting}
        onOpenChange={setIsDeleting}
        title={`Delete column "${column.title}"?`}
        description={`The column and its ${column.cards.length} card${column.cards.length === 1 ? "" : "s"} are deleted for good.`}
        confirmLabel="Delete column"
        onConfirm={() => boardApi.deleteActivity.mutate(column.id)}
      />
    </section>
  );
}
