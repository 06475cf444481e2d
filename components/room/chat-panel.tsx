"use client";

import { useEffect, useRef, useState } from "react";
import { CHAT_MAX_LENGTH } from "@/lib/validations/room";
import type { ChatLine } from "./use-room";

type ChatPanelProps = {
  lines: ChatLine[];
  send: (text: string) => Promise<string | null>;
  /** Why the user cannot post (signed out, private show…); null = they can. */
  disabledReason: string | null;
};

/** The room's text chat. Messages are plain text rendered by React (escaped), newest at the bottom. */
export function ChatPanel({ lines, send, disabledReason }: ChatPanelProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const logRef = useRef<HTMLDivElement>(null);
  // The log scrolls itself, never the page: scrollIntoView would also scroll the window and move the
  // video away on a phone whenever a line arrives.
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [lines.length]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const message = text.trim();
    if (!message || pending) return;
    setPending(true);
    const failure = await send(message);
    setPending(false);
    setError(failure);
    if (!failure) setText("");
  }

  return (
    <section aria-labelledby="chat-title" className="flex flex-col gap-2 rounded-lg border border-slate-800 bg-slate-900 p-3">
      <h2 id="chat-title" className="text-sm font-semibold">Chat</h2>
      {/* Focusable so keyboard users can scroll it; the log role announces new lines politely. */}
      <div role="log" aria-live="polite" aria-label="Chat messages" data-testid="chat-log" tabIndex={0} ref={logRef} className="h-36 overflow-y-auto text-sm sm:h-56">
        <ol className="space-y-1">
          {lines.length === 0 && <li className="text-slate-400">No messages yet. Say hello!</li>}
          {lines.map((line) =>
            line.kind === "chat" ? (
              <li key={line.message.id} data-testid="chat-message" className="break-words">
                <span className={line.message.from.role === "performer" ? "font-semibold text-pink-300" : "font-semibold text-sky-300"}>
                  {line.message.from.username}
                  {line.message.from.role === "performer" && " (performer)"}
                </span>
                : {line.message.text}
              </li>
            ) : (
              <li key={`tip-${line.tip.id}`} data-testid="chat-tip" className="text-amber-300">
                {line.tip.username} tipped {line.tip.credits} credits{line.tip.item && ` for ${line.tip.item}`}
              </li>
            ),
          )}
        </ol>
      </div>
      {disabledReason ? (
        <p className="text-sm text-slate-300">{disabledReason}</p>
      ) : (
        <form onSubmit={submit} className="flex gap-2">
          <label htmlFor="chat-input" className="sr-only">Message</label>
          <input
            id="chat-input"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={CHAT_MAX_LENGTH}
            autoComplete="off"
            placeholder="Say something nice"
            aria-describedby={error ? "chat-error" : undefined}
            className="min-w-0 flex-1 rounded border border-slate-600 bg-slate-950 px-3 py-2 text-sm focus:border-pink-400 focus:outline-none"
          />
          <button type="submit" disabled={pending || text.trim() === ""} className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
            Send
          </button>
        </form>
      )}
      {error && <p id="chat-error" role="alert" className="text-sm text-red-300">{error}</p>}
    </section>
  );
}
