import { eventType } from "inngest";
import { z } from "zod";

/** A generation job was created (or retried) and should run. */
export const jobRequested = eventType("reelboard/job.requested", {
  schema: z.object({
    jobId: z.uuid(),
    /** Seconds the run jumps the queue (Inngest `priority.run`): high +600, normal 0, low -600. */
    priorityBoost: z.number().int(),
  }),
});

/** The creator cancelled a job: its run stops before its next step (Inngest `cancelOn`). */
export const jobCancelled = eventType("reelboard/job.cancelled", { schema: z.object({ jobId: z.uuid() }) });

/** A finished job's webhook should be delivered. */
export const webhookRequested = eventType("reelboard/webhook.requested", { schema: z.object({ deliveryId: z.uuid() }) });
