import type { Kysely, Transaction } from "kysely";
import type { Database } from "../types";

/** A query runs on the pool or inside a caller's transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs; anything that is not a UUID cannot exist, and must not reach Postgres as one. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Postgres refused a row because a unique index already holds its key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}
