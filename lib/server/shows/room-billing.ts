import "server-only";
import type { ShowBilling } from "@/lib/generated/prisma/client";
import { getChatConfig } from "@/lib/server/settings/get-chat-config";

/**
 * Who bills a paid session started from the performer's room page (a private show, a spy session, a
 * group seat): with the built-in chat the site carries the video's signalling and sees the viewer's
 * presence, so it bills the session itself (lib/server/presence); with html5-chat the chat server
 * sends the heartbeats, as through the chat API.
 */
export async function roomBilling(): Promise<ShowBilling> {
  const { provider } = await getChatConfig();
  return provider === "builtin" ? "presence" : "heartbeat";
}
