import type { Migration } from "kysely";
import * as accounts from "./2026-11-22T1100-accounts";
import * as boards from "./2026-11-22T1110-boards";
import * as jobs from "./2026-11-22T1200-jobs";
import * as approvedAssets from "./2026-11-22T1300-approved-assets";
import * as webhookDeliveries from "./2026-11-22T1330-webhook-deliveries";
import * as chatMessages from "./2026-11-22T1400-chat-messages";
import * as hardening from "./2026-11-23T1000-hardening";

/** Every migration, by name. Listed statically so that the bundled app and the CLI see the same set. */
export const migrations: Record<string, Migration> = {
  "2026-11-22T1100-accounts": accounts,
  "2026-11-22T1110-boards": boards,
  "2026-11-22T1200-jobs": jobs,
  "2026-11-22T1300-approved-assets": approvedAssets,
  "2026-11-22T1330-webhook-deliveries": webhookDeliveries,
  "2026-11-22T1400-chat-messages": chatMessages,
  "2026-11-23T1000-hardening": hardening,
};
