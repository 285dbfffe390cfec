import "server-only";
import { AppError, type ErrorBody } from "@/lib/errors";
import type { ChatInput } from "@/lib/validations/chat";
import { type ChatTarget, resumeChat, sendChatMessage, type TurnEvent } from "./chat";

/**
 * A turn as newline-delimited JSON: {"type":"token"|"step"|"state"|"error", ...} one per line, written as
 * the agent works, so the chat shows tokens and tool steps before the turn ends.
 */
export function chatTurnStream(target: ChatTarget, input: ChatInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const write = (event: TurnEvent | { type: "error"; error: ErrorBody["error"] }) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        if ("message" in input) await sendChatMessage({ ...target, message: input.message }, write);
        else await resumeChat({ ...target, decision: input.resume }, write);
      } catch (error) {
        const known = error instanceof AppError ? error : undefined;
        if (!known) console.error("[chat] turn failed:", error);
        write({ type: "error", error: { code: known?.code ?? "internal", message: known?.message ?? "The agent failed; try again" } });
      } finally {
        controller.close();
      }
    },
  });
}
