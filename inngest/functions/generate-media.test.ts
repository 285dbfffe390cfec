import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { setRuntimeEnv } from "@/lib/env";

// The steps' database work is tested against Postgres elsewhere; here only the function's flow counts.
vi.mock("@/lib/jobs/run-steps", () => ({
  claimJobSlot: vi.fn(),
  slotWaitMs: (wait: number) => wait * 100,
  submitJob: vi.fn(),
  pollJob: vi.fn(),
  storeJobResult: vi.fn(),
  finishJob: vi.fn(),
  failJob: vi.fn(),
}));

// The client derives its embedded signing key from the auth secret.
setRuntimeEnv("AUTH_SECRET", "unit-tests-secret-0123456789abcdef0123");
const { generateMedia } = await import("./generate-media");
const steps = await import("@/lib/jobs/run-steps");

const JOB_ID = "6f1f0a3e-4a4b-4a8e-9b55-1d1f4a4e9c01";
const event = { name: "reelboard/job.requested", data: { jobId: JOB_ID, priorityBoost: 0 } } as const;
const submission = { externalId: "x", pollMs: 500, estimatedSeconds: 2 };
const file = {
  storageKey: "projects/p/image/j/0.svg",
  mime: "image/svg+xml",
  format: "svg",
  fileSize: 10,
  width: 8,
  height: 8,
  duration: null,
};

/** A fresh engine per test: @inngest/test mutates its step list as it runs. */
function engine(mocked: Array<{ id: string; handler: () => unknown }>) {
  return new InngestTestEngine({
    function: generateMedia,
    events: [event],
    steps: [
      { id: "wait-1", handler: () => null },
      { id: "wait-2", handler: () => null },
      { id: "wait-for-slot-1", handler: () => null },
      { id: "wait-for-slot-2", handler: () => null },
      ...mocked,
    ],
  });
}

describe("generate-media", () => {
  it("prepares, submits, polls through sleeps, stores and finishes", async () => {
    vi.mocked(steps.claimJobSlot).mockResolvedValue({ status: "granted" });
    vi.mocked(steps.submitJob).mockResolvedValue(submission);
    vi.mocked(steps.pollJob)
      .mockResolvedValueOnce({ status: "running" })
      .mockResolvedValueOnce({ status: "running" })
      .mockResolvedValueOnce({ status: "done", files: [file] });

    const { result, ctx } = await engine([]).execute();

    expect(result).toEqual({ status: "completed" });
    expect(steps.pollJob).toHaveBeenCalledTimes(3);
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait-1", 500);
    expect(steps.storeJobResult).toHaveBeenCalledWith({ jobId: JOB_ID, files: [file] });
    expect(steps.finishJob).toHaveBeenCalledWith({ jobId: JOB_ID });
    expect(steps.failJob).not.toHaveBeenCalled();
  });

  it("does nothing more for a job cancelled before it started", async () => {
    vi.clearAllMocks();
    vi.mocked(steps.claimJobSlot).mockResolvedValue({ status: "cancelled" });

    const { result } = await engine([]).execute();

    expect(result).toEqual({ status: "cancelled" });
    expect(steps.submitJob).not.toHaveBeenCalled();
  });

  it("waits for a free generation slot, sleeping between looks, before it submits", async () => {
    vi.clearAllMocks();
    vi.mocked(steps.claimJobSlot)
      .mockResolvedValueOnce({ status: "waiting", ahead: 2 })
      .mockResolvedValueOnce({ status: "waiting", ahead: 1 })
      .mockResolvedValueOnce({ status: "granted" });
    vi.mocked(steps.submitJob).mockResolvedValue(submission);
    vi.mocked(steps.pollJob).mockResolvedValueOnce({ status: "done", files: [file] });

    const { result, ctx } = await engine([]).execute();

    expect(result).toEqual({ status: "completed" });
    expect(steps.claimJobSlot).toHaveBeenCalledTimes(3);
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait-for-slot-1", 100);
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait-for-slot-2", 200);
    expect(vi.mocked(steps.submitJob).mock.invocationCallOrder[0]).toBeGreaterThan(
      vi.mocked(steps.claimJobSlot).mock.invocationCallOrder[2]!,
    );
  });

  it("stops polling when the job is cancelled while running", async () => {
    vi.clearAllMocks();
    vi.mocked(steps.claimJobSlot).mockResolvedValue({ status: "granted" });
    vi.mocked(steps.submitJob).mockResolvedValue(submission);
    vi.mocked(steps.pollJob).mockResolvedValueOnce({ status: "running" }).mockResolvedValueOnce({ status: "cancelled" });

    const { result } = await engine([]).execute();

    expect(result).toEqual({ status: "cancelled" });
    expect(steps.storeJobResult).not.toHaveBeenCalled();
    expect(steps.finishJob).not.toHaveBeenCalled();
  });

  it("hands a failing step back to the engine to retry, without failing the job yet", async () => {
    vi.clearAllMocks();
    vi.mocked(steps.claimJobSlot).mockResolvedValue({ status: "granted" });
    vi.mocked(steps.submitJob).mockRejectedValue(new Error("provider refused the prompt"));

    const { result, error } = await engine([]).execute();

    expect(result).toBeUndefined();
    expect(error).toMatchObject({ message: "provider refused the prompt" });
    expect(steps.failJob).not.toHaveBeenCalled();
  });
});
