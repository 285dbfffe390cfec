import type { EngineFunction } from "./function-config";

/**
 * The Inngest client's fetch in embedded mode: `inngest.send` and `step.sendEvent` post events to
 * ".../e/<key>"; here they become runs in Postgres instead of leaving the process.
 */
export function createEmbeddedFetch(functions: () => Promise<EngineFunction[]>): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    if (init?.method === "POST" && /\/e\/[^/]+$/.test(url.pathname)) {
      const { enqueueEvents } = await import("./enqueue");
      const ids = await enqueueEvents(JSON.parse(String(init.body)), await functions());
      return Response.json({ ids, status: 200 });
    }
    return Response.json({ error: `The embedded job engine does not serve ${url.pathname}`, status: 501 }, { status: 501 });
  };
}
