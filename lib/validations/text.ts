import { z } from "zod";

export const UNSTORABLE_TEXT_MESSAGE = "Contains characters that cannot be stored (NUL or an unpaired surrogate)";

/**
 * Whether Postgres can store the string: text and jsonb refuse NUL, and jsonb refuses a UTF-16 surrogate
 * without its partner (which JSON.parse happily makes from "\ud800"). With the `u` flag a surrogate pair
 * is one code point, so the class matches only a surrogate standing alone.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !/[\uD800-\uDFFF]/u.test(value);
}

/**
 * The string every text field of the API is built from (titles, descriptions, prompts, chat messages...),
 * so that input Postgres would refuse is a 422 at the schema, never a 500 at the insert.
 */
export function safeText() {
  return z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}
