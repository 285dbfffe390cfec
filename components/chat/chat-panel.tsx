"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Bot, Check, Send, Wrench, X } from "lucide-react";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import type { ChatState } from "@/lib/agents/chat";
import { api } from "@/lib/api-client";
import { cn } from "@/lib/utils";

type TurnEvent =
  | { type: "token"; text: string }
  | { type: "step"; name: string; args: unknown }
  | { type: "state"; state: ChatState }
  | { type: "error"; error: { message: string } };

/**
 * A chat with the project's agent or a card's agent: history from the checkpoint, streamed tokens and
 * tool steps while it works, Approve / Reject for actions that wait for the creator, errors with a retry.
 */
export function ChatPanel({ path, projectId, title }: { path: string; projectId: string; title: string }) {
  const queryClient = useQueryClient();
  const key = ["chat", path] as const;
  const {
    data: state,
    isLoading,
    isError: isLoadFailed,
    refetch,
  } = useQuery({ queryKey: key, queryFn: () => api<ChatState>(path), retry: 1 });
  // The message being written; cleared only once the server has taken it, so an outage loses nothing.
  const [draft, setDraft] = useState("");
  const [live, setLive] = useState<{ tokens: string; steps: string[] } | null>(null);
  const [error, setError] = useState<{ message: string; retry: () => void } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const isBusyRef = useRef(false);

  async function turn(body: { message: string } | { resume: "approve" | "reject" }) {
    if (isBusyRef.current) return;
    isBusyRef.current = true;
    setError(null);
    setLive({ tokens: "", steps: [] });
    const retry = () => void turn(body);
    try {
      const response = await fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).catch(() => {
        throw new Error("The server could not be reached; your message is kept below");
      });
      if (!response.ok || !response.body) {
        const failure = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(failure?.error?.message ?? `The chat failed (${response.status})`);
      }
      if ("message" in body) setDraft("");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
          const event = JSON.parse(buffer.slice(0, newline)) as TurnEvent;
          buffer = buffer.slice(newline + 1);
          if (event.type === "token") setLive((current) => current && { ...current, tokens: current.tokens + event.text });
          if (event.type === "step") setLive((current) => current && { ...current, steps: [...current.steps, event.name] });
          if (event.type === "state") queryClient.setQueryData(key, event.state);
          if (event.type === "error") throw new Error(event.error.message);
        }
      }
    } catch (failure) {
      setError({ message: failure instanceof Error ? failure.message : String(failure), retry });
    } finally {
      isBusyRef.current = false;
      setLive(null);
      // The agent may have changed the board or started jobs.
      void queryClient.invalidateQueries({ queryKey: ["board", projectId] });
      void queryClient.invalidateQueries({ queryKey: ["jobs", projectId] });
      requestAnimationFrame(() => listRef.current?.scrollTo({ top: listRef.current.scrollHeight }));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const message = draft.trim();
    if (!message) return;
    void turn({ message });
  }

  const isBusy = live !== null;
  return (
    <section aria-label={title} className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <Bot className="h-4 w-4 text-indigo-600" aria-hidden />
        <h2 className="text-sm font-semibold">{title}</h2>
        {state && (
          <span
            className={cn(
              "ml-auto rounded-full px-2 py-0.5 text-xs",
              state.model.isOffline ? "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300" : "bg-zinc-100 dark:bg-zinc-800",
            )}
            data-testid="chat-model"
          >
            {state.model.isOffline ? "offline" : state.model.label}
          </span>
        )}
      </header>
      <ol ref={listRef} className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-3" aria-label="Conversation" aria-live="polite">
        {isLoading && <li className="text-xs text-zinc-500">Loading the conversation...</li>}
        {isLoadFailed && !state && (
          <li role="alert" className="text-xs text-red-600">
            The conversation could not be loaded: the server is not reachable.{" "}
            <Button size="sm" variant="ghost" onClick={() => void refetch()}>
              Try again
            </Button>
          </li>
        )}
        {state?.messages.length === 0 && (
          <li className="text-xs text-zinc-500">
            Ask the agent to plan or change the board, e.g. add a column &quot;Characters&quot; for image work.
          </li>
        )}
        {state?.messages.map((entry) => (
          <li
            key={entry.id}
            className={cn(
              "max-w-[90%] rounded-lg px-3 py-2 text-sm whitespace-pre-wrap",
              entry.role === "user"
                ? "self-end bg-indigo-600 text-white"
                : entry.role === "tool"
                  ? "self-start bg-zinc-100 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
                  : "self-start bg-white shadow-sm dark:bg-zinc-900",
            )}
            data-role={entry.role}
          >
            {entry.toolCalls.map((call) => (
              <span key={call.name} className="mb-1 flex items-center gap-1 text-xs text-zinc-500">
                <Wrench className="h-3 w-3" aria-hidden /> {call.name}
              </span>
            ))}
            {entry.content}
          </li>
        ))}
        {live && (
          <li className="self-start rounded-lg bg-white px-3 py-2 text-sm shadow-sm dark:bg-zinc-900" aria-busy>
            {live.steps.map((step, index) => (
              <span key={`${step}-${index}`} className="mb-1 flex items-center gap-1 text-xs text-zinc-500">
                <Wrench className="h-3 w-3" aria-hidden /> {step}
              </span>
            ))}
            {live.tokens || "..."}
          </li>
        )}
        {error && (
          <li role="alert" className="self-start rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {error.message}{" "}
            <Button size="sm" variant="ghost" onClick={error.retry}>
              Retry
            </Button>
          </li>
        )}
      </ol>
      {state?.pending && (
        <div className="border-t border-zinc-200 p-3 dark:border-zinc-800" role="group" aria-label="Pending action">
          <p className="text-sm">
            The agent wants to: <strong>{state.pending.summary}</strong>
          </p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" onClick={() => void turn({ resume: "approve" })} disabled={isBusy}>
              <Check className="h-4 w-4" aria-hidden /> Approve
            </Button>
            <Button size="sm" variant="secondary" onClick={() => void turn({ resume: "reject" })} disabled={isBusy}>
              <X className="h-4 w-4" aria-hidden /> Reject
            </Button>
          </div>
        </div>
      )}
      <form onSubmit={submit} className="flex gap-2 border-t border-zinc-200 p-3 dark:border-zinc-800">
        <Textarea
          name="message"
          aria-label="Message"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder={state?.pending ? "Approve or reject first" : "Ask the agent..."}
          className="min-h-10 flex-1"
          disabled={isBusy || Boolean(state?.pending)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <Button type="submit" size="icon" className="h-10 w-10" aria-label="Send" disabled={isBusy || Boolean(state?.pending)}>
          <Send className="h-4 w-4" />
        </Button>
      </form>
    </section>
  );
}
