import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/next";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { insertRuns } from "@/db/queries/engine-runs";
import { signBody } from "./signing";
import { Executor } from "./executor";
import { createEmbeddedFetch } from "./embedded-fetch";
import { type EngineFunction, toEngineFunction } from "./function-config";
import { servePost } from "./serve-post";

const SIGNING_KEY = "signkey-test-0123456789abcdef0123456789abcdef";
let appCounter = 0;
const executors: Executor[] = [];

afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.stop()));
});

/** A fresh app (its own function ids) with the given functions, served by the real serve() handler. */
function setup(define: (client: Inngest) => ReturnType<Inngest["createFunction"]>[], options: { slots?: number } = {}) {
  const appId = `test-app-${++appCounter}-${Date.now()}`;
  let engineFunctions: EngineFunction[] = [];
  const client = new Inngest({
    id: appId,
    isDev: false,
    signingKey: SIGNING_KEY,
    eventKey: "test",
    fetch: createEmbeddedFetch(async () => engineFunctions),
  });
  const functions = define(client);
  const handler = serve({ client, functions });
  engineFunctions = functions.map((fn) => toEngineFunction(fn, appId));
  const executor = new Executor({
    functions: engineFunctions,
    handler: servePost(handler),
    signingKey: SIGNING_KEY,
    leaseMs: 5000,
    retryBaseMs: 20,
    slots: options.slots,
    log: () => {},
  });
  executors.push(executor);
  const start = async (functionIndex: number, data: Record<string, unknown>, prioritySeconds = 0) => {
    await insertRuns([
      {
        functionId: engineFunctions[functionIndex]!.id,
        event: { name: "test/run", data, id: crypto.randomUUID(), ts: Date.now() },
        prioritySeconds,
      },
    ]);
  };
  return { appId, client, executor, start, handler, engineFunctions };
}

async function runsOf(functionId: string) {
  return getDb().selectFrom("engine_runs").selectAll().where("function_id", "=", functionId).orderBy("created_at").execute();
}

async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the embedded executor against the real serve() handler", () => {
  it("runs several steps, each once, and records the result", async () => {
    const calls: string[] = [];
    const { executor, start, engineFunctions } = setup((client) => [
      client.createFunction({ id: "three-steps", triggers: [{ event: "test/run" }] }, async ({ step, event }) => {
        const a = await step.run("a", () => (calls.push("a"), 1));
        const b = await step.run("b", () => (calls.push("b"), a + 1));
        const c = await step.run("c", () => (calls.push("c"), b + Number(event.data.add)));
        return { total: c };
      }),
    ]);
    await executor.start();
    await start(0, { add: 10 });

    const [run] = await waitFor(async () => {
      const runs = await runsOf(engineFunctions[0]!.id);
      return runs[0]?.status === "completed" && runs;
    });
    expect(run!.output).toEqual({ total: 12 });
    expect(calls).toEqual(["a", "b", "c"]);
  });

  it("retries a failing step with back-off, then goes on", async () => {
    let attempts = 0;
    const { executor, start, engineFunctions } = setup((client) => [
      client.createFunction({ id: "flaky", triggers: [{ event: "test/run" }], retries: 3 }, async ({ step }) => {
        const value = await step.run("flaky", () => {
          attempts++;
          if (attempts < 3) throw new Error(`boom ${attempts}`);
          return "ok";
        });
        return { value };
      }),
    ]);
    await executor.start();
    await start(0, {});

    const runs = await waitFor(async () => {
      const rows = await runsOf(engineFunctions[0]!.id);
      return rows[0]?.status === "completed" && rows;
    });
    expect(runs[0]!.output).toEqual({ value: "ok" });
    expect(attempts).toBe(3);
  });

  it("fails the run when a step keeps failing, and lets the function see the error", async () => {
    const { executor, start, engineFunctions } = setup((client) => [
      client.createFunction({ id: "doomed", triggers: [{ event: "test/run" }], retries: 1 }, async ({ step }) => {
        try {
          await step.run("always", () => {
            throw new Error("provider down");
          });
        } catch (error) {
          await step.run("report", () => `caught: ${(error as Error).message}`);
          throw new NonRetriableError("gave up");
        }
      }),
    ]);
    await executor.start();
    await start(0, {});

    const runs = await waitFor(async () => {
      const rows = await runsOf(engineFunctions[0]!.id);
      return rows[0]?.status === "failed" && rows;
    });
    expect(runs[0]!.error).toContain("gave up");
    expect(Object.values(runs[0]!.steps as Record<string, { data?: unknown }>).map((step) => step.data)).toContain("caught: provider down");
  });

  it("sleeps durably: the run is parked with a due time and resumes after it", async () => {
    const times: number[] = [];
    const { executor, start, engineFunctions } = setup((client) => [
      client.createFunction({ id: "sleeper", triggers: [{ event: "test/run" }] }, async ({ step }) => {
        await step.run("before", () => times.push(Date.now()));
        await step.sleep("nap", "300ms");
        await step.run("after", () => times.push(Date.now()));
        return "rested";
      }),
    ]);
    await executor.start();
    await start(0, {});

    const parked = await waitFor(async () => {
      const rows = await runsOf(engineFunctions[0]!.id);
      return rows[0]?.pending && rows[0].lease_until === null ? rows[0] : undefined;
    });
    expect(parked!.due_at.getTime()).toBeGreaterThan(Date.now() - 50);

    await waitFor(async () => (await runsOf(engineFunctions[0]!.id))[0]?.status === "completed");
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(290);
  });

  it("runs parallel steps, each once", async () => {
    const calls: string[] = [];
    const { executor, start, engineFunctions } = setup((client) => [
      client.createFunction({ id: "parallel", triggers: [{ event: "test/run" }] }, async ({ step }) => {
        const [x, y] = await Promise.all([step.run("x", () => (calls.push("x"), 2)), step.run("y", () => (calls.push("y"), 3))]);
        const z = await step.run("z", () => (calls.push("z"), x * y));
        return z;
      }),
    ]);
    await executor.start();
    await start(0, {});

    const runs = await waitFor(async () => {
      const rows = await runsOf(engineFunctions[0]!.id);
      return rows[0]?.status === "completed" && rows;
    });
    expect(runs[0]!.output).toBe(6);
    expect(calls.sort()).toEqual(["x", "y", "z"]);
  });

  it("stops a run cancelled by its cancelOn event before its next step", async () => {
    const calls: string[] = [];
    const { client, executor, start, engineFunctions } = setup((client) => [
      client.createFunction(
        { id: "cancellable", triggers: [{ event: "test/run" }], cancelOn: [{ event: "test/cancel", match: "data.id" }] },
        async ({ step, event }) => {
          await step.run("first", () => calls.push(`first ${event.data.id}`));
          await step.sleep("pause", "400ms");
          await step.run("second", () => calls.push(`second ${event.data.id}`));
        },
      ),
    ]);
    await executor.start();
    await start(0, { id: "a" });
    await waitFor(async () => (await runsOf(engineFunctions[0]!.id))[0]?.pending);

    await client.send({ name: "test/cancel", data: { id: "a" } });
    await waitFor(async () => (await runsOf(engineFunctions[0]!.id))[0]?.status === "cancelled");

    // A second run sleeping as long completes: by then the first would have gone on, had it not stopped.
    await start(0, { id: "b" });
    await waitFor(async () => (await runsOf(engineFunctions[0]!.id))[1]?.status === "completed");
    expect(calls).toEqual(["first a", "first b", "second b"]);
  });

  it("honours the concurrency limit and runs higher priority first", async () => {
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    const {
      client: app,
      executor,
      engineFunctions,
    } = setup(
      (client) => [
        client.createFunction(
          { id: "limited", triggers: [{ event: "test/run" }], concurrency: { limit: 1 }, priority: { run: "event.data.boost" } },
          async ({ step, event }) => {
            await step.run("work", async () => {
              running++;
              peak = Math.max(peak, running);
              order.push(String(event.data.name));
              await new Promise((resolve) => setTimeout(resolve, 40));
              running--;
            });
          },
        ),
      ],
      { slots: 4 },
    );
    // Through the client, as the app sends them: the engine reads the boost from the event's own field.
    await app.send([
      { name: "test/run", data: { name: "low", boost: -600 } },
      { name: "test/run", data: { name: "normal", boost: 0 } },
      { name: "test/run", data: { name: "high", boost: 600 } },
    ]);
    await executor.start();

    await waitFor(async () => (await runsOf(engineFunctions[0]!.id)).every((run) => run.status === "completed"));
    expect(peak).toBe(1);
    expect(order).toEqual(["high", "normal", "low"]);
  });

  it("takes events from inngest.send and step.sendEvent through the client's fetch", async () => {
    const children: number[] = [];
    const { client, executor, engineFunctions } = setup((inngest) => [
      inngest.createFunction({ id: "parent", triggers: [{ event: "test/parent" }] }, async ({ step, event }) => {
        await step.sendEvent(
          "fan-out",
          [1, 2].map((k) => ({ name: "test/child", data: { value: Number(event.data.base) + k } })),
        );
        return "sent";
      }),
      inngest.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ step, event }) => {
        await step.run("record", () => children.push(Number(event.data.value)));
      }),
    ]);
    await executor.start();
    const { ids } = await client.send({ name: "test/parent", data: { base: 10 } });
    expect(ids).toHaveLength(1);

    await waitFor(async () => (await runsOf(engineFunctions[1]!.id)).filter((run) => run.status === "completed").length === 2);
    expect((await runsOf(engineFunctions[0]!.id))[0]?.status).toBe("completed");
    expect(children.sort()).toEqual([11, 12]);
  });

  it("on a graceful stop hands its runs back at once, and records which process ran each run", async () => {
    const calls: string[] = [];
    let releaseFirst: () => void = () => {};
    const firstStarted = new Promise<void>((resolve) => (releaseFirst = resolve));
    const { executor, start, engineFunctions, handler } = setup((client) => [
      client.createFunction({ id: "handed-over", triggers: [{ event: "test/run" }] }, async ({ step }) => {
        await step.run("first", async () => {
          calls.push("first");
          releaseFirst();
          await new Promise((resolve) => setTimeout(resolve, 300));
        });
        await step.run("second", () => calls.push("second"));
        return "done";
      }),
    ]);
    await executor.start();
    await start(0, {});
    await firstStarted;

    await executor.stop();
    const [stopped] = await runsOf(engineFunctions[0]!.id);
    expect(stopped).toMatchObject({ status: "queued", lease_owner: null, lease_until: null, ran_by: executor.owner });
    expect(executor.owner).toMatch(/^.+:\d+:[0-9a-f]{8}$/);

    const successor = new Executor({
      functions: engineFunctions,
      handler: servePost(handler),
      signingKey: SIGNING_KEY,
      leaseMs: 5000,
      retryBaseMs: 20,
      log: () => {},
    });
    executors.push(successor);
    await successor.start();
    const [finished] = await waitFor(async () => {
      const runs = await runsOf(engineFunctions[0]!.id);
      return runs[0]?.status === "completed" && runs;
    });
    expect(finished!.ran_by).toBe(successor.owner);
    expect(calls).toEqual(["first", "second"]);
  });

  it("refuses at start-up the options it cannot honour, naming them", () => {
    const client = new Inngest({ id: "refusals", isDev: false, signingKey: SIGNING_KEY });
    const fn = client.createFunction(
      { id: "throttled", triggers: [{ event: "test/run" }], throttle: { limit: 1, period: "1s" }, debounce: { period: "5s" } },
      async () => "never",
    );
    expect(() => toEngineFunction(fn, "refusals")).toThrow(/does not support throttle, debounce|does not support debounce, throttle/);
  });

  it("the handler refuses unsigned and wrongly signed calls", async () => {
    const { handler, engineFunctions } = setup((client) => [
      client.createFunction({ id: "guarded", triggers: [{ event: "test/run" }] }, async () => "secret"),
    ]);
    const payload = {
      event: { name: "test/run", data: {} },
      events: [],
      steps: {},
      ctx: { run_id: "r1", attempt: 0, stack: { stack: [], current: 0 } },
    };
    const url = `http://embedded.invalid/api/inngest?fnId=${engineFunctions[0]!.id}&stepId=step`;

    const post = servePost(handler);
    const unsigned = await post(
      new Request(url, { method: "POST", body: JSON.stringify(payload), headers: { "content-type": "application/json" } }),
    );
    expect(unsigned.status).toBeGreaterThanOrEqual(400);

    const forged = signBody(payload, "signkey-test-not-the-key");
    const wrong = await post(
      new Request(url, {
        method: "POST",
        body: forged.body,
        headers: { "content-type": "application/json", "x-inngest-signature": forged.signature },
      }),
    );
    expect(wrong.status).toBeGreaterThanOrEqual(400);

    const signed = signBody(payload, SIGNING_KEY);
    const ok = await post(
      new Request(url, {
        method: "POST",
        body: signed.body,
        headers: { "content-type": "application/json", "x-inngest-signature": signed.signature },
      }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toBe("secret");
  });
});
