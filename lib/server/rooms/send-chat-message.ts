import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { ChatMessage } from "@/lib/realtime/room-events";
import { CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_MS, ZChatText } from "@/lib/validations/room";
import { assertInRoom, getRoomMember, type RoomUser } from "./get-room-member";
import { SlidingWindowLimiter } from "./rate-limit";
import { publishRoomMessage } from "./room-channel";

const globalForChat = globalThis as unknown as { chatLimiter?: SlidingWindowLimiter };

export type SendChatMessageOptions = {
  user: RoomUser;
  slug: string;
  text: string;
  now?: Date;
  /** The instance's limiter unless a test brings its own. */
  limiter?: SlidingWindowLimiter;
};

/**
 * Posts a line to a room's chat: validated, rate-limited per user, then sent to every instance over
 * NOTIFY. The sender is the session's user, stamped here — a browser cannot post as someone else.
 * Chat is not stored: whoever is in the room sees it, as in a live room.
 */
export async function sendChatMessage({ user, slug, text, now = new Date(), limiter }: SendChatMessageOptions): Promise<ChatMessage> {
  const clean = ZChatText.parse(text);
  const verdict = (limiter ?? (globalForChat.chatLimiter ??= new SlidingWindowLimiter(CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_MS))).take(user.id, now.getTime());
  if (!verdict.ok) {
    throw new AppError("too_many_requests", `You are sending messages too fast. Try again in ${Math.ceil(verdict.retryAfterMs / 1000)} s.`);
  }
  const member = await getRoomMember({ user, slug });
  const { spyUserIds } = await assertInRoom(member);
  // A spy watches without being seen or heard.
  if (spyUserIds.includes(user.id)) throw new AppError("forbidden", "Spies cannot chat.");
  const message: ChatMessage = {
    id: randomUUID(),
    at: now.toISOString(),
    from: { id: user.id, username: user.username, role: member.isOwner ? "performer" : user.role },
    text: clean,
  };
  await publishRoomMessage(member.room.performerId, { t: "chat", message });
  return message;
}
