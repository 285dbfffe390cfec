import { attemptDelivery, giveUpDelivery } from "@/lib/webhooks/deliveries";
import { inngest } from "../client";
import { webhookRequested } from "../events";

/** Delivers a job's terminal webhook, retried with exponential back-off, then recorded as failed. */
export const deliverWebhook = inngest.createFunction(
  { id: "deliver-webhook", name: "Deliver job webhook", triggers: [webhookRequested], retries: 5 },
  async ({ event, step }) => {
    const { deliveryId } = event.data;
    try {
      return await step.run("deliver", () => attemptDelivery({ deliveryId }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await step.run("give-up", () => giveUpDelivery({ deliveryId, error: message }));
      return { isDelivered: false, error: message };
    }
  },
);
