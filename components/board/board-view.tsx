"use client";

import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { Bot, Brain } from "lucide-react";
import { ChatPanel } from "@/components/chat/chat-panel";
import { Button } from "@/components/ui/button";
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { QueueButton, QueuePanel } from "@/components/jobs/queue-panel";
import { useProjectJobs } from "@/components/jobs/use-project-jobs";
import { useProjectAssets } from "@/components/memory/use-project-assets";
import type { Job } from "@/lib/jobs/dto";
import { cardIndex, findCardColumn, neighboursIn } from "@/lib/boards/board-state";
import type { Board } from "@/lib/boards/dto";
import { AddColumn } from "./add-column";
import { BoardCardPreview } from "./board-card";
import { BoardColumnView } from "./board-column";
import { CardDetailDialog } from "./card-detail-dialog";
import { useBoard } from "./use-board";

const COLUMN_PREFIX = "column:";
const columnDndId = (activityId: string) => `${COLUMN_PREFIX}${activityId}`;
const isColumnDndId = (id: UniqueIdentifier) => String(id).startsWith(COLUMN_PREFIX);
const activityIdOf = (id: UniqueIdentifier) => String(id).slice(COLUMN_PREFIX.length);

/**
 * Columns drag among columns. A card drags among the cards of the column it is over, or into an empty
 * column; keyboard drags have no pointer, so the dragged card's rectangle decides.
 */
/**
 * Arrow keys for a dragged card: up and down among the cards (dnd-kit's own), left and right to the
 * neighbouring column. dnd-kit's own picks the nearest droppable to that side, which is the card's own
 * column (its left edge lies left of the card's), so ArrowLeft only moved the card up its column.
 */
const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, activeNode, droppableRects, droppableContainers } = args.context;
  const isHorizontal = event.code === "ArrowLeft" || event.code === "ArrowRight";
  const collisionRect = args.context.collisionRect ?? activeNode?.getBoundingClientRect();
  if (!isHorizontal || !active || isColumnDndId(active.id) || !collisionRect) return sortableKeyboardCoordinates(event, args);
  event.preventDefault();

  // Measured now from the columns' nodes: right after a pick-up dnd-kit may not have measured them yet.
  const columns = droppableContainers
    .getEnabled()
    .filter((container) => isColumnDndId(container.id) && container.node.current)
    .map((container) => [container.id, droppableRects.get(container.id) ?? container.node.current!.getBoundingClientRect()] as const)
    .sort(([, a], [, b]) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const current = columns.findIndex(([, rect]) => centre >= rect.left && centre <= rect.right);
  const target = columns[current + (event.code === "ArrowLeft" ? -1 : 1)];
  if (current < 0 || !target) return undefined;
  const [, rect] = target;
  // Just under the column's header: the card goes to the top of that column.
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: rect.top + 48 };
};

const collisionDetection: CollisionDetection = (args) => {
  const columns = args.droppableContainers.filter((container) => isColumnDndId(container.id));
  if (isColumnDndId(args.active.id)) return closestCenter({ ...args, droppableContainers: columns });

  const columnHits = args.pointerCoordinates
    ? pointerWithin({ ...args, droppableContainers: columns })
    : rectIntersection({ ...args, droppableContainers: columns });
  const cards = args.droppableContainers.filter((container) => !isColumnDndId(container.id));
  const hitColumn = columnHits[0];
  if (!hitColumn) return closestCorners({ ...args, droppableContainers: cards });

  const cardsInColumn = cards.filter((container) => container.data.current?.activityId === activityIdOf(hitColumn.id));
  if (cardsInColumn.length === 0) return [hitColumn];
  return closestCorners({ ...args, droppableContainers: cardsInColumn });
};

type BoardViewProps = { initialBoard: Board; initialJobs: Job[]; initialEventId: string; engineLabel: string; initialOpenCardId?: string };

export function BoardView({ initialBoard, initialJobs, initialEventId, engineLabel, initialOpenCardId }: BoardViewProps) {
  const boardApi = useBoard(initialBoard);
  const { board } = boardApi;
  const jobsApi = useProjectJobs(board.project.id, initialJobs, initialEventId);
  const assetsApi = useProjectAssets(board.project.id);
  const [isQueueOpen, setIsQueueOpen] = useState(false);
  const [isChatOpen, setIsChatOpen] = useState(false);
  const cardsById = useMemo(
    () => new Map(board.activities.flatMap((column) => column.cards.map((card) => [card.id, card] as const))),
    [board],
  );
  const [dragging, setDragging] = useState<{ id: string; isColumn: boolean } | null>(null);
  const [openCardId, setOpenCardId] = useState<string | null>(initialOpenCardId ?? null);
  const snapshot = useRef<Board | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: keyboardCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const openCard = openCardId ? board.activities.flatMap((column) => column.cards).find((card) => card.id === openCardId) : undefined;
  const openCardColumn = openCard ? findCardColumn(board, openCard.id) : undefined;
  const draggedCard =
    dragging && !dragging.isColumn ? board.activities.flatMap((column) => column.cards).find((card) => card.id === dragging.id) : undefined;

  function onDragStart({ active }: DragStartEvent) {
    snapshot.current = board;
    const isColumn = isColumnDndId(active.id);
    setDragging({ id: isColumn ? activityIdOf(active.id) : String(active.id), isColumn });
  }

  /** While a card is dragged over another column, show it there, so the list makes room for it. */
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || isColumnDndId(active.id)) return;
    const cardId = String(active.id);
    const from = findCardColumn(board, cardId);
    const toId = isColumnDndId(over.id) ? activityIdOf(over.id) : findCardColumn(board, String(over.id))?.id;
    if (!from || !toId || from.id === toId) return;

    const target = board.activities.find((column) => column.id === toId);
    if (!target) return;
    const overIndex = isColumnDndId(over.id) ? target.cards.length : target.cards.findIndex((card) => card.id === over.id);
    const isBelowOver =
      over.rect && active.rect.current.translated ? active.rect.current.translated.top > over.rect.top + over.rect.height / 2 : false;
    boardApi.showCardAt(cardId, toId, overIndex + (isBelowOver ? 1 : 0));
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const before = snapshot.current;
    setDragging(null);
    snapshot.current = null;
    if (!before) return;
    if (!over) {
      boardApi.restore(before);
      return;
    }

    if (isColumnDndId(active.id)) {
      const activityId = activityIdOf(active.id);
      const ids = board.activities.map((column) => column.id);
      const overIndex = ids.indexOf(isColumnDndId(over.id) ? activityIdOf(over.id) : (findCardColumn(board, String(over.id))?.id ?? ""));
      if (overIndex < 0 || ids.indexOf(activityId) === overIndex) return;
      boardApi.showColumnAt(activityId, overIndex);
      const reordered = ids.filter((id) => id !== activityId);
      reordered.splice(overIndex, 0, activityId);
      boardApi.moveActivity.mutate({ activityId, neighbours: neighboursIn(reordered, activityId), rollback: before });
      return;
    }

    const cardId = String(active.id);
    const column = findCardColumn(board, cardId);
    if (!column) return;
    let ids = column.cards.map((card) => card.id);
    if (!isColumnDndId(over.id) && over.id !== cardId && ids.includes(String(over.id))) {
      const overIndex = ids.indexOf(String(over.id));
      boardApi.showCardAt(cardId, column.id, overIndex);
      ids = ids.filter((id) => id !== cardId);
      ids.splice(overIndex, 0, cardId);
    }

    const was = cardIndex(before, cardId);
    if (was && was.activityId === column.id && was.index === ids.indexOf(cardId)) return;
    boardApi.moveCard.mutate({ cardId, activityId: column.id, neighbours: neighboursIn(ids, cardId), rollback: before });
  }

  function onDragCancel() {
    if (snapshot.current) boardApi.restore(snapshot.current);
    snapshot.current = null;
    setDragging(null);
  }

  const announcements = buildAnnouncements(() => board);

  return (
    <div className="flex h-full min-h-0 flex-1 flex-col">
      <div className="flex items-center justify-end gap-2 px-4 pt-3">
        <Link
          href={`/projects/${board.project.id}/memory`}
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <Brain className="h-4 w-4" aria-hidden />
          Memory ({assetsApi.assets.length})
        </Link>
        <QueueButton count={jobsApi.active.length} onClick={() => setIsQueueOpen(true)} />
        <Button
          variant={isChatOpen ? "primary" : "secondary"}
          size="sm"
          aria-pressed={isChatOpen}
          onClick={() => setIsChatOpen((open) => !open)}
        >
          <Bot className="h-4 w-4" aria-hidden />
          Project chat
        </Button>
      </div>
      <div className="flex min-h-0 flex-1">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <DndContext
            sensors={sensors}
            collisionDetection={collisionDetection}
            onDragStart={onDragStart}
            onDragOver={onDragOver}
            onDragEnd={onDragEnd}
            onDragCancel={onDragCancel}
            accessibility={{
              announcements,
              screenReaderInstructions: {
                draggable:
                  "To pick up a card or column, press Space. Use the arrow keys to move it, Space or Enter to drop it, Escape to cancel. Press Enter on a card to open it.",
              },
            }}
          >
            <div className="flex min-h-0 flex-1 items-start gap-4 overflow-x-auto p-4" data-testid="board">
              <SortableContext items={board.activities.map((column) => columnDndId(column.id))} strategy={horizontalListSortingStrategy}>
                {board.activities.map((column) => (
                  <BoardColumnView
                    key={column.id}
                    dndId={columnDndId(column.id)}
                    column={column}
                    boardApi={boardApi}
                    onOpenCard={setOpenCardId}
                    latestJobs={jobsApi.latestByCard}
                    approvedCards={assetsApi.approvedCards}
                  />
                ))}
              </SortableContext>
              <AddColumn boardApi={boardApi} isFirst={board.activities.length === 0} />
            </div>
            <DragOverlay>{draggedCard ? <BoardCardPreview card={draggedCard} /> : null}</DragOverlay>
          </DndContext>
        </div>
        {isChatOpen && (
          <aside className="w-96 shrink-0 border-l border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
            <ChatPanel path={`/api/projects/${board.project.id}/chat`} projectId={board.project.id} title="Project agent" />
          </aside>
        )}
      </div>
      {openCard && openCardColumn && (
        <CardDetailDialog
          card={openCard}
          taskType={openCardColumn.taskType}
          columnTitle={openCardColumn.title}
          boardApi={boardApi}
          jobsApi={jobsApi}
          assetsApi={assetsApi}
          onClose={() => setOpenCardId(null)}
        />
      )}
      <QueuePanel jobsApi={jobsApi} cardsById={cardsById} engineLabel={engineLabel} open={isQueueOpen} onOpenChange={setIsQueueOpen} />
    </div>
  );
}

/** What a screen reader hears while dragging: names and positions, not ids. */
function buildAnnouncements(getBoard: () => Board): Announcements {
  const columnOf = (id: UniqueIdentifier) => {
    const board = getBoard();
    return isColumnDndId(id) ? board.activities.find((column) => column.id === activityIdOf(id)) : findCardColumn(board, String(id));
  };
  const name = (id: UniqueIdentifier): string => {
    if (isColumnDndId(id)) return `column ${columnOf(id)?.title ?? ""}`;
    return `card ${columnOf(id)?.cards.find((card) => card.id === id)?.title ?? ""}`;
  };
  /** Where the dragged item would land if dropped over `id`. */
  const place = (id: UniqueIdentifier): string => {
    const board = getBoard();
    if (isColumnDndId(id)) {
      const index = board.activities.findIndex((column) => column.id === activityIdOf(id));
      return `position ${index + 1} of ${board.activities.length}`;
    }
    const column = columnOf(id);
    if (!column) return "nowhere";
    return `position ${column.cards.findIndex((card) => card.id === id) + 1} of ${column.cards.length} in column ${column.title}`;
  };
  const placeForCard = (over: UniqueIdentifier): string => {
    if (!isColumnDndId(over)) return place(over);
    const column = columnOf(over);
    return `the end of column ${column?.title ?? ""}`;
  };
  const target = (active: UniqueIdentifier, over: UniqueIdentifier) => (isColumnDndId(active) ? place(over) : placeForCard(over));

  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, at ${place(active.id)}.`,
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id) return undefined;
      return over ? `${name(active.id)} is over ${target(active.id, over.id)}.` : `${name(active.id)} is not over a drop place.`;
    },
    // The board is read before the drop is applied: the item takes the place of what it is over.
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped ${name(active.id)} at ${place(over.id === active.id || (isColumnDndId(over.id) && !isColumnDndId(active.id)) ? active.id : over.id)}.`
        : `Dropped ${name(active.id)} where it was.`,
    onDragCancel: ({ active }) => `Cancelled. ${name(active.id)} went back to where it was.`,
  };
}
