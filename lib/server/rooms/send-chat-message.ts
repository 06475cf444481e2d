import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { ChatMessage } from "@/lib/realtime/room-events";
import { hitRateLimit } from "@/lib/server/rate-limit/hit-rate-limit";
import { CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_SECONDS, ZChatText } from "@/lib/validations/room";
import { assertInRoom, getRoomMember, type RoomUser } from "./get-room-member";
import { publishRoomMessage } from "./room-channel";

export type SendChatMessageOptions = {
  user: RoomUser;
  slug: string;
  text: string;
  now?: Date;
};

/**
 * Posts a line to a room's chat: validated, rate-limited per user (one count across every instance),
 * then sent to every instance over NOTIFY. The sender is the session's user, stamped here — a browser cannot post as someone else.
 * Chat is not stored: whoever is in the room sees it, as in a live room.
 */
export async function sendChatMessage({ user, slug, text, now }: SendChatMessageOptions): Promise<ChatMessage> {
  const clean = ZChatText.parse(text);
  const verdict = await hitRateLimit({ key: `chat:${user.id}`, limit: CHAT_RATE_LIMIT, windowSeconds: CHAT_RATE_WINDOW_SECONDS, now });
  if (!verdict.ok) {
    throw new AppError("too_many_requests", `You are sending messages too fast. Try again in ${verdict.retryAfterSeconds} s.`);
  }
  const member = await getRoomMember({ user, slug });
  const { spyUserIds } = await assertInRoom(member);
  // A spy watches without being seen or heard.
  if (spyUserIds.includes(user.id)) throw new AppError("forbidden", "Spies cannot chat.");
  const message: ChatMessage = {
    id: randomUUID(),
    at: (now ?? new Date()).toISOString(),
    from: { id: user.id, username: user.username, role: member.isOwner ? "performer" : user.role },
    text: clean,
  };
  await publishRoomMessage(member.room.performerId, { t: "chat", message });
  return message;
}
