import "server-only";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { chatInputSchema } from "@/lib/validations/chat";
import { beginTurn, type ChatTarget, chatHistory } from "./chat";
import { chatTurnStream } from "./chat-stream";

/** GET (the thread) and POST (a streamed turn) for a chat, given how a route's params name its target. */
export function chatRouteHandlers<P>(targetOf: (params: P, ownerId: string) => ChatTarget) {
  return {
    GET: authedRoute<P>(async ({ params, user }) => json(await chatHistory(targetOf(params, user.id)))),
    POST: authedRoute<P>(async ({ request, params, user }) => {
      const input = await readJson(request, chatInputSchema);
      // 404 and 409 (a turn already running on the thread, or nothing to decide) before the stream starts.
      const turn = await beginTurn(targetOf(params, user.id), "message" in input ? { message: input.message } : { decision: input.resume });
      return new Response(chatTurnStream(turn), {
        headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-cache, no-transform" },
      });
    }),
  };
}
