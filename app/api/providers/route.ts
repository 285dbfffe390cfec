import { authedRoute, json } from "@/lib/http/route";
import { providerStatuses } from "@/lib/providers";

/** Not in DESIGN.md section 9: which generator each card type uses here, and why one is unavailable. */
export const GET = authedRoute(async () => json({ providers: await providerStatuses() }));
