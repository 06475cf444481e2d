import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { endSpySessions } from "./end-spy-sessions";
import { lockShow } from "./lock-show";

/**
 * The performer's per-show switch. Turning spying off also ends the spies watching now (billed up to
 * now, reason performer_left); turning it on lets new spies in. Allowed on a requested or active show.
 */
export async function setSpiesAllowed(options: { showId: number; allowed: boolean; now?: Date; db?: Tx }): Promise<PrivateShow> {
  const { showId, allowed, now = new Date(), db } = options;
  return inTransaction(db, async (tx) => {
    const show = await lockShow(tx, showId);
    if (show.kind !== "private") throw new AppError("invalid_request", `Show ${showId} is not a private show.`);
    if (show.status !== "requested" && show.status !== "active") {
      throw new AppError("invalid_transition", `Show ${showId} is ${show.status}; spying can only be switched on an open show.`);
    }
    const updated = await tx.privateShow.update({ where: { id: showId }, data: { spiesAllowed: allowed } });
    if (!allowed) await endSpySessions(tx, [{ id: showId, endedAt: now }], "performer_left");
    await notifyRoomChanged(tx, show.performerId);
    return updated;
  });
}
