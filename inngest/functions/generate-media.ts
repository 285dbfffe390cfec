import { env } from "@/lib/env";
import { claimJobSlot, failJob, finishJob, pollJob, slotWaitMs, storeJobResult, submitJob } from "@/lib/jobs/run-steps";
import { inngest } from "../client";
import { jobCancelled, jobRequested } from "../events";

/**
 * Runs one generation job as durable steps: prepare, submit to the provider, poll with durable sleeps in
 * between, store the files as media, finish. A crash resumes after the last finished step.
 */
export const generateMedia = inngest.createFunction(
  {
    id: "generate-media",
    name: "Generate media",
    triggers: [jobRequested],
    retries: 3,
    concurrency: { limit: env.JOB_CONCURRENCY },
    priority: { run: "event.data.priorityBoost" },
    cancelOn: [{ event: jobCancelled, match: "data.jobId" }],
  },
  async ({ event, step, runId }) => {
    const { jobId } = event.data;

    // At most JOB_CONCURRENCY jobs generate at once, whichever engine runs them: the engine's own
    // concurrency counts steps, not runs sleeping between polls. The first look keeps the step id "prepare".
    for (let wait = 1; ; wait++) {
      const slot = await step.run(wait === 1 ? "prepare" : `prepare-${wait}`, () => claimJobSlot({ jobId, runId }));
      if (slot.status === "cancelled") return { status: "cancelled" };
      if (slot.status === "granted") break;
      await step.sleep(`wait-for-slot-${wait}`, slotWaitMs(wait));
    }

    try {
      const submission = await step.run("submit", () => submitJob({ jobId }));
      for (let poll = 1; ; poll++) {
        const outcome = await step.run(`poll-${poll}`, () => pollJob({ jobId, submission, poll }));
        if (outcome.status === "cancelled") return { status: "cancelled" };
        if (outcome.status === "done") {
          await step.run("store", () => storeJobResult({ jobId, files: outcome.files }));
          break;
        }
        await step.sleep(`wait-${poll}`, submission.pollMs);
      }
      await step.run("finish", () => finishJob({ jobId }));
      return { status: "completed" };
    } catch (error) {
      // A step that failed after its retries: the job shows why, and the run ends cleanly.
      const message = error instanceof Error ? error.message : String(error);
      await step.run("fail", () => failJob({ jobId, message }));
      return { status: "failed", error: message };
    }
  },
);
