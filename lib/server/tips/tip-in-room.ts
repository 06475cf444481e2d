import "server-only";
import { publishRoomMessage } from "@/lib/server/rooms/room-channel";
import { sendTip, type SentTip } from "./send-tip";

export type TipInRoomOptions = { user: { id: number; username: string }; performerId: number; credits: number; key: string; now?: Date };

/**
 * A tip from the room page: sendTip with the browser's per-confirmation key as its idempotency
 * key (in the room's own namespace and the user's, see ledger-key.ts), then announced in
 * the room. A repeated submit returns the same tip and is announced again with the same id, which
 * the page shows once.
 */
export async function tipInRoom({ user, performerId, credits, key, now }: TipInRoomOptions): Promise<SentTip> {
  const sent = await sendTip({ userId: user.id, performerId, credits, now, idempotency: { source: "room-tip", key } });
  await publishRoomMessage(performerId, {
    t: "tip",
    tip: { id: sent.tip.id, at: sent.tip.date, username: user.username, credits: sent.tip.credits },
  }).catch((error) => console.error("tip announcement failed (the tip itself is paid)", error));
  return sent;
}
