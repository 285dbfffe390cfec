import { chatHistory } from "@/lib/agents/chat";
import { chatTurnStream } from "@/lib/agents/chat-stream";
import { authedRoute, json, readJson } from "@/lib/http/route";
import { chatInputSchema } from "@/lib/validations/chat";

export const runtime = "nodejs";
type Params = { cardId: string };

export const GET = authedRoute<Params>(async ({ params, user }) => json(await chatHistory({ ownerId: user.id, cardId: params.cardId })));

export const POST = authedRoute<Params>(async ({ request, params, user }) => {
  const input = await readJson(request, chatInputSchema);
  const target = { ownerId: user.id, cardId: params.cardId };
  await chatHistory(target); // 404 before the stream starts
  return new Response(chatTurnStream(target, input), { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-cache, no-transform" } });
});
