import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { GroupShow } from "@/lib/generated/prisma/client";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";

export const GROUP_WAIT_SECONDS = { min: 60, max: 3600 } as const;

export type OpenGroupShowOptions = { performerId: number; minViewers: number; waitSeconds: number; now?: Date; db?: Tx };

/**
 * The performer opens a group show at their group rate (snapshotted here) for at least `minViewers`
 * viewers, who may join for `waitSeconds`; the performer then starts it, or it is cancelled and
 * nobody pays.
 */
export async function openGroupShow({ performerId, minViewers, waitSeconds, now = new Date(), db }: OpenGroupShowOptions): Promise<GroupShow> {
  if (!Number.isInteger(minViewers) || minViewers < 1 || minViewers > 1000) throw new AppError("invalid_request", "minViewers must be 1..1000.");
  if (!Number.isInteger(waitSeconds) || waitSeconds < GROUP_WAIT_SECONDS.min || waitSeconds > GROUP_WAIT_SECONDS.max) {
    throw new AppError("invalid_request", `waitSeconds must be ${GROUP_WAIT_SECONDS.min}..${GROUP_WAIT_SECONDS.max}.`);
  }
  try {
    return await inTransaction(db, async (tx) => {
      const [performer] = await tx.$queryRaw<{ status: string; disabled: boolean; rate: number }[]>`
        SELECT status::text AS status, disabled, group_rate_per_minute AS rate FROM performers WHERE id = ${performerId} FOR NO KEY UPDATE`;
      if (!performer) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
      if (performer.disabled || performer.status !== "online") throw new AppError("performer_unavailable", `Performer ${performerId} is offline.`);
      const busy = await tx.privateShow.findFirst({ where: { performerId, kind: "private", status: "active" }, select: { id: true } });
      if (busy) throw new AppError("performer_unavailable", `Performer ${performerId} is in a private show.`);
      const group = await tx.groupShow.create({
        data: { performerId, ratePerMinute: performer.rate, minViewers, openedAt: now, startBy: new Date(now.getTime() + waitSeconds * 1000) },
      });
      await notifyRoomChanged(tx, performerId);
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "A group show is already open in this room.");
    throw error;
  }
}
