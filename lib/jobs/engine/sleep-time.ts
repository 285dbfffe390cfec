const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * When a Sleep op is due. The SDK names the op with the time: an ISO date for sleepUntil, or a duration
 * such as "500ms", "1m30s" or "2h" for sleep.
 */
export function sleepDueAt(name: string, now = Date.now()): Date {
  const duration = /^(\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/.test(name) ? [...name.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)] : [];
  if (duration.length > 0) {
    return new Date(now + duration.reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit!]!, 0));
  }
  const date = new Date(name);
  if (Number.isNaN(date.getTime())) throw new Error(`Cannot read the sleep time "${name}"`);
  return date;
}
