import { describe, expect, it } from "vitest";
import { moveCardTo, moveColumnTo, neighboursIn } from "./board-state";
import type { Board, BoardColumn, Card } from "./dto";

const card = (id: string, activityId: string) => ({ id, activityId, title: id }) as Card;
const column = (id: string, cardIds: string[]) => ({ id, title: id, cards: cardIds.map((cardId) => card(cardId, id)) }) as BoardColumn;
const board = (columns: BoardColumn[]) => ({ project: {}, activities: columns }) as Board;
const layout = (value: Board) => value.activities.map((col) => `${col.id}:${col.cards.map((c) => c.id).join(",")}`);

describe("board state in the browser", () => {
  const start = board([column("A", ["a1", "a2", "a3"]), column("B", ["b1"])]);

  it("moves a card within a column and across columns", () => {
    expect(layout(moveCardTo(start, "a1", "A", 2))).toEqual(["A:a2,a3,a1", "B:b1"]);
    expect(layout(moveCardTo(start, "a2", "B", 0))).toEqual(["A:a1,a3", "B:a2,b1"]);
    expect(moveCardTo(start, "a2", "B", 0).activities[1]?.cards[0]?.activityId).toBe("B");
    expect(layout(moveCardTo(start, "a2", "B", 99))).toEqual(["A:a1,a3", "B:b1,a2"]);
  });

  it("leaves the board alone for an unknown card", () => {
    expect(moveCardTo(start, "zz", "B", 0)).toBe(start);
  });

  it("reorders columns", () => {
    expect(layout(moveColumnTo(start, "A", 1))).toEqual(["B:b1", "A:a1,a2,a3"]);
  });

  it("names the neighbours a move sends", () => {
    expect(neighboursIn(["x", "y", "z"], "x")).toEqual({ prevId: null, nextId: "y" });
    expect(neighboursIn(["x", "y", "z"], "y")).toEqual({ prevId: "x", nextId: "z" });
    expect(neighboursIn(["x", "y", "z"], "z")).toEqual({ prevId: "y", nextId: null });
    expect(neighboursIn(["x"], "x")).toEqual({ prevId: null, nextId: null });
  });
});
