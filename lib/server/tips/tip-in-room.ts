import "server-only";
import { publishRoomMessage } from "@/lib/server/rooms/room-channel";
import { sendMenuTip } from "./send-menu-tip";
import { sendTip, type SentTip } from "./send-tip";

export type TipInRoomOptions = {
  user: { id: number; username: string };
  performerId: number;
  credits: number;
  key: string;
  /** A tip-menu item: `credits` is then the price the viewer confirmed for it. */
  menuItemId?: number;
  now?: Date;
};

/**
 * A tip from the room page: sendTip with the browser's per-confirmation key as its idempotency
 * key (prefixed with the user, so one user's key can never reach another's tip), then announced in
 * the room. A repeated submit returns the same tip and is announced again with the same id, which
 * the page shows once.
 */
export async function tipInRoom({ user, performerId, credits, key, menuItemId, now }: TipInRoomOptions): Promise<SentTip> {
  const idempotencyKey = `site:${user.id}:${key}`;
  const sent = menuItemId === undefined
    ? await sendTip({ userId: user.id, performerId, credits, now, idempotencyKey })
    : await sendMenuTip({ userId: user.id, performerId, menuItemId, expectedCredits: credits, now, idempotencyKey });
  await publishRoomMessage(performerId, {
    t: "tip",
    tip: { id: sent.tip.id, at: sent.tip.date, username: user.username, credits: sent.tip.credits, item: sent.tip.item },
  }).catch((error) => console.error("tip announcement failed (the tip itself is paid)", error));
  return sent;
}
