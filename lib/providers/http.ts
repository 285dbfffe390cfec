import "server-only";
import { NonRetriableError } from "inngest";
import { env } from "@/lib/env";

const MAX_WAIT_MS = 20_000;

function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : new Date(header).getTime() - Date.now();
  return Math.min(MAX_WAIT_MS, Math.max(0, ms));
}

/**
 * One call to a remote generator, with the failures told apart: 429 and 503 wait for Retry-After and
 * try again (three times); other 5xx, timeouts and network errors throw a plain Error, which the job
 * engine retries with back-off; 4xx and malformed bodies throw NonRetriableError, since trying again
 * cannot help, and the card shows the provider's own message.
 */
export async function callProvider(provider: string, url: string, init: RequestInit & { signal?: AbortSignal }): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(env.PROVIDER_TIMEOUT_MS);
      response = await fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    } catch (error) {
      if (init.signal?.aborted) throw new Error("The job was cancelled");
      const reason =
        error instanceof Error && error.name === "TimeoutError"
          ? `no answer within ${env.PROVIDER_TIMEOUT_MS / 1000} s`
          : String(error instanceof Error ? error.message : error);
      throw new Error(`${provider} could not be reached: ${reason}`);
    }

    if ((response.status === 429 || response.status === 503) && attempt < 3) {
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response.headers.get("retry-after"))));
      continue;
    }
    if (response.ok) return response;

    const detail = (await response.text().catch(() => "")).slice(0, 500);
    const message = `${provider} answered ${response.status}${detail ? `: ${errorText(detail)}` : ""}`;
    if (response.status >= 500 || response.status === 429) throw new Error(message);
    throw new NonRetriableError(message);
  }
}

/** Reads a JSON body, or says plainly that the provider sent something else. */
export async function readProviderJson<T>(provider: string, response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new NonRetriableError(`${provider} sent a malformed answer (not JSON): ${text.slice(0, 120)}`);
  }
}

function errorText(detail: string): string {
  try {
    const body = JSON.parse(detail) as { error?: { message?: string } | string; detail?: string };
    return (typeof body.error === "string" ? body.error : body.error?.message) ?? body.detail ?? detail;
  } catch {
    return detail;
  }
}
