import type { Board, BoardColumn, Card } from "./dto";

/** Pure helpers for the board as the browser holds it: arrays in display order, no keys needed. */

export type Neighbours = { prevId: string | null; nextId: string | null };

export function findCardColumn(board: Board, cardId: string): BoardColumn | undefined {
  return board.activities.find((column) => column.cards.some((card) => card.id === cardId));
}

/** The board with the card taken out of its column and inserted into another at an index (clamped). */
export function moveCardTo(board: Board, cardId: string, activityId: string, index: number): Board {
  const from = findCardColumn(board, cardId);
  const card = from?.cards.find((candidate) => candidate.id === cardId);
  if (!from || !card) return board;

  const moved: Card = { ...card, activityId };
  return {
    ...board,
    activities: board.activities.map((column) => {
      let cards = column.cards;
      if (column.id === from.id) cards = cards.filter((candidate) => candidate.id !== cardId);
      if (column.id === activityId) {
        const at = Math.max(0, Math.min(index, cards.length));
        cards = [...cards.slice(0, at), moved, ...cards.slice(at)];
      }
      return cards === column.cards ? column : { ...column, cards };
    }),
  };
}

export function moveColumnTo(board: Board, activityId: string, index: number): Board {
  const column = board.activities.find((candidate) => candidate.id === activityId);
  if (!column) return board;
  const rest = board.activities.filter((candidate) => candidate.id !== activityId);
  const at = Math.max(0, Math.min(index, rest.length));
  return { ...board, activities: [...rest.slice(0, at), column, ...rest.slice(at)] };
}

/** The ids directly above and below an item in a list, as the move API wants them. */
export function neighboursIn(ids: string[], id: string): Neighbours {
  const index = ids.indexOf(id);
  return { prevId: index > 0 ? (ids[index - 1] ?? null) : null, nextId: ids[index + 1] ?? null };
}

export function cardIndex(board: Board, cardId: string): { activityId: string; index: number } | undefined {
  const column = findCardColumn(board, cardId);
  if (!column) return undefined;
  return { activityId: column.id, index: column.cards.findIndex((card) => card.id === cardId) };
}
