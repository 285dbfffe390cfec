import { serve } from "inngest/next";
import { inngest } from "./client";
import { functions } from "./index";

/** The one serve() handler: mounted at /api/inngest, and driven in-process by the embedded executor. */
export const inngestHandler = serve({ client: inngest, functions });
