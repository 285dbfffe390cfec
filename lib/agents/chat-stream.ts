import "server-only";
import { AppError, type ErrorBody } from "@/lib/errors";
import type { Turn, TurnEvent } from "./chat";

/**
 * A turn as newline-delimited JSON: {"type":"token"|"step"|"state"|"error", ...} one per line, written as
 * the agent works, so the chat shows tokens and tool steps before the turn ends. A client that goes away
 * does not stop the turn: it runs to its end and is logged, and the thread shows it on the next read.
 */
export function chatTurnStream(turn: Turn): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      let isOpen = true;
      const write = (event: TurnEvent | { type: "error"; error: ErrorBody["error"] }) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          isOpen = false;
        }
      };
      try {
        await turn.run(write);
      } catch (error) {
        const known = error instanceof AppError ? error : undefined;
        if (!known) console.error("[chat] turn failed:", error);
        write({ type: "error", error: { code: known?.code ?? "internal", message: known?.message ?? "The agent failed; try again" } });
      } finally {
        if (isOpen) {
          try {
            controller.close();
          } catch {
            // The client went away meanwhile.
          }
        }
      }
    },
  });
}
