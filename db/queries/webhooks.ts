import "server-only";
import { getDb } from "../index";
import type { WebhookDeliveryRow } from "../types";

/** Records the delivery of one terminal state of a job; undefined when that state already has one. */
export async function insertDeliveryOnce(values: {
  jobId: string;
  terminalKey: string;
  url: string;
  payload: Record<string, unknown>;
}): Promise<WebhookDeliveryRow | undefined> {
  return getDb()
    .insertInto("webhook_deliveries")
    .values({ job_id: values.jobId, terminal_key: values.terminalKey, url: values.url, payload: JSON.stringify(values.payload) })
    .onConflict((conflict) => conflict.columns(["job_id", "terminal_key"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findDelivery({ deliveryId }: { deliveryId: string }): Promise<WebhookDeliveryRow | undefined> {
  return getDb().selectFrom("webhook_deliveries").selectAll().where("id", "=", deliveryId).executeTakeFirst();
}

export async function recordAttempt({
  deliveryId,
  statusCode,
  error,
  isDelivered,
}: {
  deliveryId: string;
  statusCode: number | null;
  error: string | null;
  isDelivered: boolean;
}): Promise<void> {
  await getDb()
    .updateTable("webhook_deliveries")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_status_code: statusCode,
      last_error: error,
      ...(isDelivered && { status: "delivered" as const, delivered_at: new Date() }),
    }))
    .where("id", "=", deliveryId)
    .execute();
}

export async function markDeliveryFailed({ deliveryId, error }: { deliveryId: string; error: string }): Promise<void> {
  await getDb()
    .updateTable("webhook_deliveries")
    .set({ status: "failed", last_error: error })
    .where("id", "=", deliveryId)
    .where("status", "=", "pending")
    .execute();
}
