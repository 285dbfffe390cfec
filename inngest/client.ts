import { Inngest } from "inngest";
import { env } from "@/lib/env";
import { createEmbeddedFetch } from "@/lib/jobs/engine/embedded-fetch";
import { engineMode } from "@/lib/jobs/engine/mode";

export const APP_ID = "reelboard";

function clientOptions() {
  const mode = engineMode();
  if (mode.kind === "inngest") {
    return {
      isDev: Boolean(env.INNGEST_DEV),
      ...(env.INNGEST_EVENT_KEY && { eventKey: env.INNGEST_EVENT_KEY }),
      ...(env.INNGEST_SIGNING_KEY && { signingKey: env.INNGEST_SIGNING_KEY }),
      ...(env.INNGEST_BASE_URL && { baseUrl: env.INNGEST_BASE_URL }),
    };
  }
  // Embedded: events never leave the process. The client's fetch hands them to the executor.
  return { isDev: false, eventKey: "embedded", signingKey: mode.signingKey, fetch: embeddedFetch };
}

// Loaded lazily: the registry imports the functions, which import this client.
const embeddedFetch = createEmbeddedFetch(async () => (await import("@/lib/jobs/engine/registry")).engineFunctions());

export const inngest = new Inngest({ id: APP_ID, ...clientOptions() });
