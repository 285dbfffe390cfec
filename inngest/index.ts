import { deliverWebhook } from "./functions/deliver-webhook";
import { generateMedia } from "./functions/generate-media";

/** Every durable function, as serve() hands them out and the embedded executor runs them. */
export const functions = [generateMedia, deliverWebhook];
