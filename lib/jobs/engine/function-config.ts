import type { InngestFunction } from "inngest";

/** What the embedded executor needs to know of a function, read from the SDK's own function config. */
export type EngineFunction = {
  /** "<appId>-<functionId>", as serve() expects it in `fnId`. */
  id: string;
  events: string[];
  /** Attempts per step: retries + 1. */
  attempts: number;
  concurrencyLimit: number | null;
  /** `priority.run: "event.data.<field>"`: seconds the run jumps the queue. */
  priorityField: string | null;
  /** `cancelOn: [{ event, match: "data.<field>" }]`. */
  cancelOn: Array<{ event: string; field: string }>;
};

type SdkConfig = {
  id: string;
  triggers?: Array<{ event?: string; expression?: string; cron?: string }>;
  steps?: Record<string, { retries?: { attempts?: number } }>;
  concurrency?: number | { limit: number; key?: string; scope?: string } | Array<{ limit: number; key?: string; scope?: string }>;
  priority?: { run?: string };
  cancel?: Array<{ event: string; if?: string; timeout?: string }>;
  [option: string]: unknown;
};

const UNSUPPORTED = ["idempotency", "batchEvents", "rateLimit", "throttle", "debounce", "timeouts", "singleton"] as const;
const DEFAULT_RETRIES = 4;

/**
 * Reads a function's config and refuses, naming them, the options the embedded executor cannot honour:
 * better to stop at start-up than to run a function without the guarantees its author asked for.
 */
export function toEngineFunction(fn: InngestFunction.Any, appId: string): EngineFunction {
  // getConfig is what serve() sends an Inngest server when it syncs; reading it keeps the executor's view
  // of each option exactly the server's.
  const withConfig = fn as unknown as { getConfig: (options: { baseUrl: URL; appPrefix: string }) => SdkConfig[] };
  const configs = withConfig.getConfig({ baseUrl: new URL("http://embedded.invalid/api/inngest"), appPrefix: appId });
  const config = configs[0]!;
  const problems: string[] = [];

  if (configs.length > 1) problems.push("onFailure");
  for (const option of UNSUPPORTED) if (config[option] !== undefined) problems.push(option);

  const events: string[] = [];
  for (const trigger of config.triggers ?? []) {
    if (trigger.cron) problems.push("cron triggers");
    else if (trigger.expression) problems.push("trigger expressions");
    else if (trigger.event) events.push(trigger.event);
  }

  let concurrencyLimit: number | null = null;
  const concurrency = config.concurrency;
  const entries =
    concurrency === undefined
      ? []
      : typeof concurrency === "number"
        ? [{ limit: concurrency }]
        : Array.isArray(concurrency)
          ? concurrency
          : [concurrency];
  if (entries.length > 1 || entries.some((entry) => entry.key || (entry.scope && entry.scope !== "fn")))
    problems.push("keyed or scoped concurrency");
  else if (entries[0]) concurrencyLimit = entries[0].limit;

  let priorityField: string | null = null;
  if (config.priority?.run) {
    const match = /^event\.data\.([A-Za-z_]\w*)$/.exec(config.priority.run);
    if (match) priorityField = match[1]!;
    else problems.push(`priority expression "${config.priority.run}" (only event.data.<field>)`);
  }

  const cancelOn: EngineFunction["cancelOn"] = [];
  for (const cancel of config.cancel ?? []) {
    const match = /^event\.data\.([A-Za-z_]\w*) == async\.data\.\1$/.exec(cancel.if ?? "");
    if (!match || cancel.timeout) problems.push(`cancelOn "${cancel.if ?? cancel.event}" (only match: "data.<field>", no timeout)`);
    else cancelOn.push({ event: cancel.event, field: match[1]! });
  }

  if (problems.length > 0) {
    throw new Error(
      `The embedded job engine cannot run "${config.id}": it does not support ${problems.join(", ")}. ` +
        "Remove those options or run an Inngest server (see the README).",
    );
  }

  const attempts = Object.values(config.steps ?? {})[0]?.retries?.attempts;
  return { id: config.id, events, attempts: (attempts ?? DEFAULT_RETRIES) + 1, concurrencyLimit, priorityField, cancelOn };
}
