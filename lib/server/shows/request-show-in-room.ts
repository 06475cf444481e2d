import "server-only";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { getChatConfig } from "@/lib/server/settings/get-chat-config";
import { requestShow } from "./request-show";

/**
 * A viewer asks for a private show from the performer's room page. With the built-in chat the site
 * carries the video's signalling and sees the viewer's presence, so it bills the show itself
 * (lib/server/presence); with html5-chat the chat server sends the heartbeats, as with the chat API.
 */
export async function requestShowInRoom({ userId, performerId }: { userId: number; performerId: number }): Promise<PrivateShow> {
  const { provider } = await getChatConfig();
  return requestShow({ userId, performerId, billing: provider === "builtin" ? "presence" : "heartbeat" });
}
