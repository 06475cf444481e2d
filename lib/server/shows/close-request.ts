import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { assertTransition } from "@/lib/shows/transitions";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { lockShow } from "./lock-show";

/** requested → declined (performer) or cancelled (viewer). No money moved, no wall change; the room is told. */
export async function closeRequest(options: { showId: number; status: "declined" | "cancelled"; now: Date; db?: Tx }): Promise<PrivateShow> {
  const { showId, status, now, db } = options;
  return inTransaction(db, async (tx) => {
    const show = await lockShow(tx, showId);
    assertTransition(show, status === "declined" ? "decline" : "cancel");
    const closed = await tx.privateShow.update({ where: { id: showId }, data: { status, endedAt: now } });
    // Both sides' open pages drop the request (and the viewer learns it was declined) on commit.
    await notifyRoomChanged(tx, show.performerId);
    return closed;
  });
}
