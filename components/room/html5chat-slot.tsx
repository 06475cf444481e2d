import type { ChatLogin } from "@/lib/server/html5chat/build-chat-login";
import { Html5ChatEmbed } from "./html5chat-embed";

/** The chat box with html5-chat: the embed, or why it is not there. */
export function Html5ChatSlot({ login }: { login: ChatLogin | null }) {
  if (!login) return <p className="flex h-full items-center justify-center p-4 text-center text-slate-300">Log in to join the chat.</p>;
  if (!login.ok) {
    return <p role="alert" data-testid="chat-unavailable" className="flex h-full items-center justify-center p-4 text-center text-slate-200">{login.message}</p>;
  }
  return <Html5ChatEmbed scriptUrl={login.scriptUrl} />;
}
