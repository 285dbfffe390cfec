import "server-only";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { chatInputSchema } from "@/lib/validations/chat";
import { type ChatTarget, chatHistory } from "./chat";
import { chatTurnStream } from "./chat-stream";

/** GET (the thread) and POST (a streamed turn) for a chat, given how a route's params name its target. */
export function chatRouteHandlers<P>(targetOf: (params: P, ownerId: string) => ChatTarget) {
  return {
    GET: authedRoute<P>(async ({ params, user }) => json(await chatHistory(targetOf(params, user.id)))),
    POST: authedRoute<P>(async ({ request, params, user }) => {
      const input = await readJson(request, chatInputSchema);
      const target = targetOf(params, user.id);
      await chatHistory(target); // 404 before the stream starts
      return new Response(chatTurnStream(target, input), {
        headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-cache, no-transform" },
      });
    }),
  };
}
