import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import {
  claimRun,
  finishRun,
  nextDueAt,
  parkRun,
  releaseLeases,
  renewLease,
  type RunState,
  runStatus,
  saveRunState,
} from "@/db/queries/engine-runs";
import type { EngineRunRow } from "@/db/types";
import { CHANNELS, onReconnect, subscribe } from "@/lib/realtime/listener";
import { retryDelayMs } from "./backoff";
import type { EngineFunction } from "./function-config";
import { signBody } from "./signing";
import { sleepDueAt } from "./sleep-time";

export type ExecutorOptions = {
  functions: EngineFunction[];
  /** The serve() handler's POST. */
  handler: (request: Request) => Promise<Response>;
  signingKey: string;
  /** Runs this process drives at once. */
  slots?: number;
  leaseMs: number;
  retryBaseMs: number;
  log?: (line: string) => void;
};

type Op = { op: string; id: string; name?: string; data?: unknown; error?: unknown; displayName?: string };

const MAX_CALLS_PER_CLAIM = 10_000;

/**
 * The embedded job engine: drives the app's own serve() handler in-process, following Inngest's SDK
 * protocol. Runs and memoised step results live in Postgres; each call sends the memo back, the SDK
 * replays the function to the next new step and answers with what it did (206 ops) or the result (200).
 */
export class Executor {
  /** "<host>:<pid>:<id>": kept on each run it claims (`ran_by`), so operators can tell which process ran it. */
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly functions: Map<string, EngineFunction>;
  private readonly slots: number;
  private active = 0;
  private claiming: Promise<void> | null = null;
  private wantsClaim = false;
  private timer: NodeJS.Timeout | undefined;
  private safetyTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopCatchingUp: (() => void) | undefined;
  private isStopped = false;
  private readonly drains = new Set<Promise<void>>();

  constructor(private readonly options: ExecutorOptions) {
    this.functions = new Map(options.functions.map((fn) => [fn.id, fn]));
    this.slots = options.slots ?? 8;
  }

  async start(): Promise<void> {
    this.unsubscribe = await subscribe(CHANNELS.engine, (payload) => {
      if (payload === "wake") this.kick();
    });
    this.stopCatchingUp = onReconnect(() => this.kick());
    // A safety net for a missed notification (for example while the LISTEN connection reconnects).
    this.safetyTimer = setInterval(() => this.kick(), 2000);
    this.safetyTimer.unref();
    this.kick();
  }

  /**
   * Stops claiming, waits (up to `graceMs`) for the runs in hand to reach their next step boundary, then
   * hands their leases back so that another process takes them at once rather than after the lease time.
   */
  async stop({ graceMs = 10_000 }: { graceMs?: number } = {}): Promise<void> {
    this.isStopped = true;
    this.unsubscribe?.();
    this.stopCatchingUp?.();
    clearInterval(this.safetyTimer);
    clearTimeout(this.timer);
    let grace: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (grace = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([this.claiming, ...this.drains]), timeout]);
    clearTimeout(grace);
    const released = await releaseLeases({ owner: this.owner }).catch(() => 0);
    if (released > 0) this.log(`stopped; handed ${released} run(s) back to the queue`);
  }

  /** Claims due runs until the slots are full; then sleeps until the next one falls due. */
  kick(): void {
    if (this.isStopped) return;
    if (this.claiming) {
      this.wantsClaim = true;
      return;
    }
    this.claiming = this.claimLoop().finally(() => {
      this.claiming = null;
      if (this.wantsClaim) {
        this.wantsClaim = false;
        this.kick();
      }
    });
  }

  private async claimLoop(): Promise<void> {
    try {
      const limits = Object.fromEntries([...this.functions.values()].map((fn) => [fn.id, fn.concurrencyLimit]));
      while (!this.isStopped && this.active < this.slots) {
        const run = await claimRun({ owner: this.owner, leaseMs: this.options.leaseMs, limits });
        if (!run) break;
        this.active++;
        const drain = this.drive(run)
          .catch((error) => this.log(`run ${run.id} stopped on an internal error: ${error instanceof Error ? error.message : error}`))
          .finally(() => {
            this.active--;
            this.drains.delete(drain);
            this.kick();
          });
        this.drains.add(drain);
      }
      await this.scheduleNextDue();
    } catch (error) {
      this.log(`claiming runs failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async scheduleNextDue(): Promise<void> {
    const due = await nextDueAt();
    clearTimeout(this.timer);
    if (!due || this.isStopped) return;
    this.timer = setTimeout(() => this.kick(), Math.max(0, due.getTime() - Date.now()) + 5);
    this.timer.unref();
  }

  /** Calls the function until its run completes, fails, sleeps, waits to retry, is cancelled or is lost. */
  private async drive(run: EngineRunRow): Promise<void> {
    const fn = this.functions.get(run.function_id);
    if (!fn) {
      await finishRun({ runId: run.id, owner: this.owner, status: "failed", error: `Unknown function ${run.function_id}` });
      return;
    }

    const state: RunState = {
      steps: { ...(run.steps as Record<string, unknown>) },
      stack: [...(run.stack as string[])],
      attempt: run.attempt,
      pending: (run.pending as Record<string, unknown> | null) ?? null,
      isParallel: run.is_parallel,
    };
    const heartbeat = setInterval(
      () => void renewLease({ runId: run.id, owner: this.owner, leaseMs: this.options.leaseMs }),
      this.options.leaseMs / 3,
    );

    try {
      // A sleep that brought the run back is over: the SDK learns that from a null result under its id.
      const sleepId = state.pending?.sleepId;
      if (typeof sleepId === "string") this.remember(state, sleepId, { type: "data", data: null });
      let plannedStepId = typeof state.pending?.stepId === "string" ? state.pending.stepId : null;
      state.pending = null;

      for (let call = 0; call < MAX_CALLS_PER_CLAIM; call++) {
        if (this.isStopped) return; // The lease lapses and another process, or this one restarted, goes on.
        // Cancelled while parked: claims skip finished runs, and saving after each step fails once a
        // run is cancelled, so a cancel always takes effect before the next step.
        if (call === 0 && (await runStatus({ runId: run.id })) !== "queued") return;

        const response = await this.call(fn, run, state, plannedStepId);
        plannedStepId = null;

        if (response.status === 200) {
          await finishRun({ runId: run.id, owner: this.owner, status: "completed", output: await readJson(response) });
          return;
        }

        if (response.status !== 206) {
          // An error outside any step: retry the whole call with back-off, then fail the run.
          const error = await response.text();
          const isRetriable = response.headers.get("x-inngest-no-retry") !== "true";
          if (isRetriable && state.attempt + 1 < fn.attempts) {
            state.attempt++;
            await parkRun({ runId: run.id, owner: this.owner, state, dueAt: this.backoff(state.attempt) });
          } else {
            await finishRun({ runId: run.id, owner: this.owner, status: "failed", error: error.slice(0, 4000) });
          }
          return;
        }

        const ops = (await response.json()) as Op[];
        if (ops.length > 1) state.isParallel = true;
        const outcome = await this.applyOps(fn, run, state, ops, response);
        if (outcome === "parked") return;
        if (outcome === "failed") return;
        if (!(await saveRunState({ runId: run.id, owner: this.owner, state }))) return; // Lease lost.
        if (typeof outcome === "object") plannedStepId = outcome.planned;
      }
      await finishRun({ runId: run.id, owner: this.owner, status: "failed", error: "The run made too many calls without finishing" });
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Applies the ops of one 206 answer to the run's state. */
  private async applyOps(
    fn: EngineFunction,
    run: EngineRunRow,
    state: RunState,
    ops: Op[],
    response: Response,
  ): Promise<"continue" | "parked" | "failed" | { planned: string }> {
    const planned: string[] = [];
    for (const op of ops) {
      switch (op.op) {
        case "StepRun":
          this.remember(state, op.id, { type: "data", data: op.data ?? null });
          state.attempt = 0;
          break;
        case "StepPlanned":
          planned.push(op.id);
          break;
        case "Sleep":
          state.pending = { sleepId: op.id };
          state.attempt = 0;
          await parkRun({ runId: run.id, owner: this.owner, state, dueAt: sleepDueAt(op.name ?? "0s") });
          return "parked";
        case "StepError": {
          const isRetriable = response.headers.get("x-inngest-no-retry") !== "true";
          if (isRetriable && state.attempt + 1 < fn.attempts) {
            state.attempt++;
            state.pending = state.isParallel ? { stepId: op.id } : null;
            await parkRun({ runId: run.id, owner: this.owner, state, dueAt: this.backoff(state.attempt) });
            return "parked";
          }
          this.remember(state, op.id, { type: "error", error: op.error ?? { name: "Error", message: "Step failed" } });
          state.attempt = 0;
          break;
        }
        case "StepFailed":
          this.remember(state, op.id, { type: "error", error: op.error ?? { name: "Error", message: "Step failed" } });
          state.attempt = 0;
          break;
        default:
          await finishRun({
            runId: run.id,
            owner: this.owner,
            status: "failed",
            error: `The embedded engine cannot run the "${op.op}" step "${op.displayName ?? op.id}"`,
          });
          return "failed";
      }
    }
    // Planned steps (parallel branches, or any step once immediate execution is off) run one call each.
    return planned[0] ? { planned: planned[0] } : "continue";
  }

  private remember(state: RunState, stepId: string, result: unknown): void {
    state.steps[stepId] = result;
    if (!state.stack.includes(stepId)) state.stack.push(stepId);
  }

  private backoff(attempt: number): Date {
    return new Date(Date.now() + retryDelayMs(attempt, this.options.retryBaseMs));
  }

  private async call(fn: EngineFunction, run: EngineRunRow, state: RunState, stepId: string | null): Promise<Response> {
    const event = run.event;
    const payload = {
      version: 2,
      event,
      events: [event],
      steps: state.steps,
      ctx: {
        run_id: run.id,
        attempt: state.attempt,
        max_attempts: fn.attempts,
        disable_immediate_execution: state.isParallel,
        use_api: false,
        stack: { stack: state.stack, current: state.stack.length },
      },
    };
    const { body, signature } = signBody(payload, this.options.signingKey);
    const url = `http://embedded.invalid/api/inngest?fnId=${encodeURIComponent(fn.id)}&stepId=${encodeURIComponent(stepId ?? "step")}`;
    return this.options.handler(
      new Request(url, { method: "POST", body, headers: { "content-type": "application/json", "x-inngest-signature": signature } }),
    );
  }

  private log(line: string): void {
    (this.options.log ?? ((message: string) => console.error(`[engine] ${message}`)))(line);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
