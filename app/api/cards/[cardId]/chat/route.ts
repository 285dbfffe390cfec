import { chatRouteHandlers } from "@/lib/agents/chat-routes";

export const runtime = "nodejs";

export const { GET, POST } = chatRouteHandlers<{ cardId: string }>(({ cardId }, ownerId) => ({ ownerId, cardId }));
