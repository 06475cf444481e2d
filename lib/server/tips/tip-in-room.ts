import "server-only";
import { sendTip, type SentTip } from "./send-tip";

export type TipInRoomOptions = { user: { id: number; username: string }; performerId: number; credits: number; key: string; now?: Date };

/**
 * A tip from the room page: sendTip with the browser's per-confirmation key as its idempotency
 * key (in the room's own namespace and the user's, see ledger-key.ts). sendTip announces it in the
 * room when it commits; a repeated submit returns the same tip and announces nothing.
 */
export async function tipInRoom({ user, performerId, credits, key, now }: TipInRoomOptions): Promise<SentTip> {
  return sendTip({ userId: user.id, performerId, credits, now, idempotency: { source: "room-tip", key } });
}
