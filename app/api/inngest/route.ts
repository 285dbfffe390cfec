import { inngestRoute } from "@/inngest/handler";

export const runtime = "nodejs";

// In embedded mode every call must carry the executor's signature; an Inngest server signs its own.
export const { GET, POST, PUT } = inngestRoute;
