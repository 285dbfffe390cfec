import { generateKeyBetween } from "fractional-indexing";
import { AppError } from "@/lib/errors";

/**
 * The fractional-index key between two neighbours (null: the open end of the list). Keys compare byte by
 * byte, as Postgres compares them under the "C" collation, so a move rewrites only the moved row.
 */
export function positionBetween(prev: string | null, next: string | null): string {
  if (prev !== null && next !== null && prev >= next) {
    throw new AppError("conflict", "Those neighbours are not in order; reload the board and try again");
  }
  return generateKeyBetween(prev, next);
}

/** The key for an item appended after the current last one. */
export function positionAfter(last: string | null): string {
  return generateKeyBetween(last, null);
}
