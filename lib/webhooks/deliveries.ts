import "server-only";
import { createHmac } from "node:crypto";
import { listMediaOfJobs } from "@/db/queries/jobs";
import { findDelivery, insertDeliveryOnce, markDeliveryFailed, recordAttempt } from "@/db/queries/webhooks";
import type { JobRow } from "@/db/types";
import { inngest } from "@/inngest/client";
import { webhookRequested } from "@/inngest/events";
import { env } from "@/lib/env";
import { toJob } from "@/lib/jobs/dto";
import { SIGNATURE_HEADER, signWebhook } from "./signature";
import { assertDeliverableUrl } from "./url-policy";

const TIMEOUT_MS = 10_000;

function webhookSecret(): string {
  return (
    env.WEBHOOK_SECRET ??
    createHmac("sha256", env.AUTH_SECRET ?? "")
      .update("reelboard webhook signing secret")
      .digest("hex")
  );
}

/**
 * Called when a job reaches completed, failed or cancelled: records one delivery per terminal state
 * reached (a failed job retried into completion notifies both; a second call for the same state does
 * nothing) and hands it to the durable deliver-webhook function.
 */
export async function queueTerminalWebhook(job: JobRow): Promise<void> {
  if (!job.callback_url) return;
  const media = await listMediaOfJobs({ jobIds: [job.id] });
  const delivery = await insertDeliveryOnce({
    jobId: job.id,
    terminalKey: `${job.status}:${job.retry_count}`,
    url: job.callback_url,
    payload: { event: `job.${job.status}`, job: toJob(job, media) },
  });
  if (delivery) await inngest.send(webhookRequested.create({ deliveryId: delivery.id }));
}

/** One attempt: POST the signed payload; throws (so the engine retries with back-off) unless it got a 2xx. */
export async function attemptDelivery({
  deliveryId,
}: {
  deliveryId: string;
}): Promise<{ statusCode: number } | { isAlreadyDelivered: true }> {
  const delivery = await findDelivery({ deliveryId });
  if (!delivery) throw new Error(`No webhook delivery ${deliveryId}`);
  if (delivery.status === "delivered") return { isAlreadyDelivered: true };

  const body = JSON.stringify(delivery.payload);
  let statusCode: number | null = null;
  try {
    const url = await assertDeliverableUrl(delivery.url, { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE });
    const response = await fetch(url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Reelboard-Webhooks/1",
        "x-reelboard-delivery": delivery.id,
        "x-reelboard-event": String(delivery.payload.event),
        [SIGNATURE_HEADER]: signWebhook(body, webhookSecret()),
      },
    });
    statusCode = response.status;
    await response.body?.cancel();
    if (!response.ok) throw new Error(`The receiver answered ${response.status}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordAttempt({ deliveryId, statusCode, error: message, isDelivered: false });
    throw new Error(message);
  }
  await recordAttempt({ deliveryId, statusCode, error: null, isDelivered: true });
  return { statusCode };
}

export async function giveUpDelivery({ deliveryId, error }: { deliveryId: string; error: string }): Promise<void> {
  await markDeliveryFailed({ deliveryId, error });
}
