import "server-only";
import { wakeEngines } from "@/db/queries/notify";
import { randomUUID } from "node:crypto";
import { cancelRunsMatching, insertRuns } from "@/db/queries/engine-runs";
import type { EngineFunction } from "./function-config";

type IncomingEvent = { name: string; data?: Record<string, unknown>; id?: string; ts?: number };

/**
 * The embedded engine's event intake (what `inngest.send` reaches through the client's fetch): starts a
 * run of every function the event triggers, cancels the runs it cancels, and wakes the executors.
 */
export async function enqueueEvents(events: IncomingEvent[], functions: EngineFunction[]): Promise<string[]> {
  const ids: string[] = [];
  const runs: Array<{ functionId: string; event: unknown; prioritySeconds: number }> = [];

  for (const incoming of events) {
    const event = { ...incoming, id: incoming.id ?? randomUUID(), ts: incoming.ts ?? Date.now(), data: incoming.data ?? {} };
    ids.push(event.id);
    for (const fn of functions) {
      if (fn.events.includes(event.name)) {
        const boost = fn.priorityField ? Number(event.data[fn.priorityField] ?? 0) : 0;
        runs.push({ functionId: fn.id, event, prioritySeconds: Number.isFinite(boost) ? Math.trunc(boost) : 0 });
      }
      for (const cancel of fn.cancelOn.filter((candidate) => candidate.event === event.name)) {
        await cancelRunsMatching({ functionId: fn.id, field: cancel.field, value: event.data[cancel.field] });
      }
    }
  }

  await insertRuns(runs);
  await wakeEngines();
  return ids;
}
