import { env } from "@/lib/env";
import { failJob, finishJob, pollJob, prepareJob, storeJobResult, submitJob } from "@/lib/jobs/run-steps";
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

    const prepared = await step.run("prepare", () => prepareJob({ jobId, runId }));
    if (prepared.isCancelled) return { status: "cancelled" };

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
