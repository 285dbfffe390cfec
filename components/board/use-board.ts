"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api } from "@/lib/api-client";
import { moveCardTo, moveColumnTo, type Neighbours } from "@/lib/boards/board-state";
import type { ParamsConversion } from "@/lib/boards/convert-params";
import type { Activity, Board, Card } from "@/lib/boards/dto";
import type { CreateActivityInput, UpdateActivityInput, UpdateCardInput } from "@/lib/validations/board";

export function boardKey(projectId: string) {
  return ["board", projectId] as const;
}

/**
 * The board in the TanStack Query cache and every change to it. Moves are applied to the cache first and
 * rolled back, with a message, when the server refuses them.
 */
export function useBoard(initialBoard: Board) {
  const projectId = initialBoard.project.id;
  const queryClient = useQueryClient();
  const key = boardKey(projectId);

  const { data: board } = useQuery({
    queryKey: key,
    queryFn: () => api<Board>(`/api/projects/${projectId}/board`),
    initialData: initialBoard,
  });

  const setBoard = (update: (board: Board) => Board) =>
    queryClient.setQueryData<Board>(key, (current) => (current ? update(current) : current));
  const refetch = () => queryClient.invalidateQueries({ queryKey: key });
  const fail = (action: string) => (error: Error) => {
    toast.error(`${action} failed: ${error.message}`);
    void refetch();
  };

  const patchCard = (card: Card) =>
    setBoard((current) => ({
      ...current,
      activities: current.activities.map((column) => ({
        ...column,
        cards: column.cards.map((candidate) => (candidate.id === card.id ? card : candidate)),
      })),
    }));

  const addActivity = useMutation({
    mutationFn: (input: CreateActivityInput) =>
      api<{ activity: Activity }>(`/api/projects/${projectId}/activities`, { method: "POST", body: input }),
    onSuccess: ({ activity }) => setBoard((current) => ({ ...current, activities: [...current.activities, { ...activity, cards: [] }] })),
    onError: fail("Adding the column"),
  });

  const updateActivity = useMutation({
    mutationFn: ({ activityId, input }: { activityId: string; input: UpdateActivityInput }) =>
      api<{ activity: Activity }>(`/api/activities/${activityId}`, { method: "PATCH", body: input }),
    onSuccess: ({ activity }) =>
      setBoard((current) => ({
        ...current,
        activities: current.activities.map((column) => (column.id === activity.id ? { ...column, ...activity } : column)),
      })),
    onError: fail("Renaming the column"),
  });

  const deleteActivity = useMutation({
    mutationFn: (activityId: string) => api(`/api/activities/${activityId}`, { method: "DELETE" }),
    onSuccess: (_data, activityId) =>
      setBoard((current) => ({ ...current, activities: current.activities.filter((column) => column.id !== activityId) })),
    onError: fail("Deleting the column"),
  });

  const addCard = useMutation({
    mutationFn: ({ activityId, title }: { activityId: string; title: string }) =>
      api<{ card: Card }>(`/api/activities/${activityId}/cards`, { method: "POST", body: { title } }),
    onSuccess: ({ card }) =>
      setBoard((current) => ({
        ...current,
        activities: current.activities.map((column) =>
          column.id === card.activityId ? { ...column, cards: [...column.cards, card] } : column,
        ),
      })),
    onError: fail("Adding the card"),
  });

  const updateCard = useMutation({
    mutationFn: ({ cardId, input }: { cardId: string; input: UpdateCardInput }) =>
      api<{ card: Card }>(`/api/cards/${cardId}`, { method: "PATCH", body: input }),
    onSuccess: ({ card }) => patchCard(card),
  });

  const deleteCard = useMutation({
    mutationFn: (cardId: string) => api(`/api/cards/${cardId}`, { method: "DELETE" }),
    onSuccess: (_data, cardId) =>
      setBoard((current) => ({
        ...current,
        activities: current.activities.map((column) => ({ ...column, cards: column.cards.filter((card) => card.id !== cardId) })),
      })),
    onError: fail("Deleting the card"),
  });

  /** Sends a move already shown on screen; `rollback` is the board as it was before the drag. */
  const moveCard = useMutation({
    mutationFn: ({ cardId, activityId, neighbours }: { cardId: string; activityId: string; neighbours: Neighbours; rollback: Board }) =>
      api<{ card: Card; conversion: ParamsConversion | null }>(`/api/cards/${cardId}/move`, {
        method: "POST",
        body: { activityId, ...neighbours },
      }),
    onSuccess: ({ card, conversion }) => {
      patchCard(card);
      if (conversion) toast.info(describeConversion(card.title, conversion));
    },
    onError: (error, { rollback }) => {
      queryClient.setQueryData(key, rollback);
      toast.error(`The card was put back: ${error.message}`);
      void refetch();
    },
  });

  const moveActivity = useMutation({
    mutationFn: ({ activityId, neighbours }: { activityId: string; neighbours: Neighbours; rollback: Board }) =>
      api<{ activity: Activity }>(`/api/activities/${activityId}/move`, { method: "POST", body: neighbours }),
    onError: (error, { rollback }) => {
      queryClient.setQueryData(key, rollback);
      toast.error(`The column was put back: ${error.message}`);
      void refetch();
    },
  });

  return {
    board,
    setBoard,
    showCardAt: (cardId: string, activityId: string, index: number) =>
      setBoard((current) => moveCardTo(current, cardId, activityId, index)),
    showColumnAt: (activityId: string, index: number) => setBoard((current) => moveColumnTo(current, activityId, index)),
    restore: (snapshot: Board) => queryClient.setQueryData(key, snapshot),
    addActivity,
    updateActivity,
    deleteActivity,
    addCard,
    updateCard,
    deleteCard,
    moveCard,
    moveActivity,
  };
}

export type BoardApi = ReturnType<typeof useBoard>;

function describeConversion(title: string, { from, to, kept }: ParamsConversion): string {
  const carried = kept.length > 0 ? `kept its prompt as "${kept.join(", ")}"` : "had no prompt to keep";
  return `"${title}" moved from ${from} to ${to}: it ${carried}, and its other settings are now ${to} defaults.`;
}
