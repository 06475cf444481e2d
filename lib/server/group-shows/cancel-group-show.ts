import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { GroupShow } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";

/** A waiting group show the caller has locked is cancelled with all its seats: it never ran, nobody pays. */
export async function cancelGroupShow(tx: Tx, group: GroupShow, now: Date): Promise<void> {
  await tx.privateShow.updateMany({ where: { groupShowId: group.id, status: "requested" }, data: { status: "cancelled", endedAt: now } });
  await tx.groupShow.update({ where: { id: group.id }, data: { status: "cancelled", endedAt: now } });
  await notifyRoomChanged(tx, group.performerId);
}
