/** The longest wait between two attempts of a step. */
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * Wait before attempt `attempt` (1 = the first retry): the base doubling each time (15 s, 30 s, 1 min,
 * 2 min with the default base, close to Inngest's own schedule), capped at an hour, and spread by ±25%
 * so that the jobs an outage failed together do not all come back in the same second.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const delay = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay * (0.75 + random() * 0.5));
}
