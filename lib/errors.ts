import { z } from "zod";

export const ERROR_STATUS = {
  /** The body is not JSON, or the request cannot be understood. */
  bad_request: 400,
  /** No session, or it expired. */
  unauthorized: 401,
  /** A cross-site request to a state-changing route. */
  forbidden: 403,
  /** The id is unknown or belongs to someone else: never say which. */
  not_found: 404,
  /** The route exists but does not serve this method here. */
  method_not_allowed: 405,
  /** The request is valid but the board moved under it (stale neighbours, illegal transition). */
  conflict: 409,
  /** The body is larger than the API accepts. */
  payload_too_large: 413,
  /** A state-changing route was sent something other than application/json. */
  unsupported_media_type: 415,
  /** The body parsed but failed validation; `fields` says where. */
  validation_failed: 422,
  /** Too many requests. */
  rate_limited: 429,
  /** A bug: the message is generic, the details go to the log. */
  internal: 500,
  /** The database cannot be reached for now (an outage, a restart): try again after Retry-After. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what = "Not found"): AppError {
  return new AppError("not_found", what);
}

/** Field errors keyed by dotted path ("generationParams.numImages"), as forms show them. */
export function fieldErrorsOf(error: z.ZodError, prefix?: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validationError(error: z.ZodError, prefix?: string): AppError {
  return new AppError("validation_failed", "Some fields are not valid", fieldErrorsOf(error, prefix));
}

/** Parses with zod, throwing a 422 AppError with field errors on failure. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, prefix);
  return parsed.data;
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } };

/** Seconds a client is asked to wait before trying again during an outage. */
export const RETRY_AFTER_SECONDS = 5;

// Node's socket errors and PostgreSQL's connection-exception (08), shutdown (57P0x) and capacity codes.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect/i;

/** Whether an error (or one it wraps) says the database cannot be reached, rather than a bug. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08/.test(code))) return true;
  if (UNAVAILABLE_MESSAGES.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}

/** The JSON error answer; unknown errors are logged and never leak SQL or stack traces. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) } };
    return Response.json(body, { status: error.status });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[api] the database is unavailable: ${error instanceof Error ? error.message : String(error)}`);
    const body: ErrorBody = { error: { code: "unavailable", message: "The service is briefly unavailable; try again in a few seconds" } };
    return Response.json(body, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
  }
  console.error("[api] unexpected error:", error);
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong on our side" } };
  return Response.json(body, { status: 500 });
}
