import { chatRouteHandlers } from "@/lib/agents/chat-routes";

export const runtime = "nodejs";

export const { GET, POST } = chatRouteHandlers<{ projectId: string }>(({ projectId }, ownerId) => ({ ownerId, projectId }));
