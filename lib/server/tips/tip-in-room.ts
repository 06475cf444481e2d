import "server-only";
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
 * key (in the room's own namespace and the user's, see ledger-key.ts). sendTip announces it in the
 * room when it commits; a repeated submit returns the same tip and announces nothing.
 */
export async function tipInRoom({ user, performerId, credits, key, menuItemId, now }: TipInRoomOptions): Promise<SentTip> {
  const idempotency = { source: "room-tip" as const, key };
  return menuItemId === undefined
    ? sendTip({ userId: user.id, performerId, credits, now, idempotency })
    : sendMenuTip({ userId: user.id, performerId, menuItemId, expectedCredits: credits, now, idempotency });
}
