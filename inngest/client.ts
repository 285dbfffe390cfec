import { Inngest } from "inngest";
import { env } from "@/lib/env";
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

async function embeddedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (init?.method === "POST" && /\/e\/[^/]+$/.test(url.pathname)) {
    const { enqueueEvents } = await import("@/lib/jobs/engine/enqueue");
    const ids = await enqueueEvents(JSON.parse(String(init.body)));
    return Response.json({ ids, status: 200 });
  }
  return Response.json({ error: `The embedded job engine does not serve ${url.pathname}`, status: 501 }, { status: 501 });
}

export const inngest = new Inngest({ id: APP_ID, ...clientOptions() });
