import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { notifyWallStatus } from "./notify-wall-status";
import { setPerformerStatus } from "./set-performer-status";

export type SetPerformerDisabledOptions = { actorId: number; performerId: number; disabled: boolean; now?: Date };

/**
 * Disables (or enables) a performer: the profile leaves (or rejoins) the wall and the login is
 * blocked (or unblocked), both in one transaction. Disabling then takes the performer offline through
 * setPerformerStatus, which bills and ends a running show and declines waiting requests — after the
 * flags commit, so no new request or accept can slip in between (both refuse a disabled performer).
 */
export async function setPerformerDisabled({ actorId, performerId, disabled, now = new Date() }: SetPerformerDisabledOptions): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    // Same lock as a status change, so this waits for a request or accept in flight.
    const rows = await tx.$queryRaw<{ user_id: number }[]>`SELECT user_id FROM performers WHERE id = ${performerId} FOR NO KEY UPDATE`;
    const row = rows[0];
    if (!row) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    if (row.user_id === actorId) throw new AppError("forbidden", "You cannot disable your own account.");
    await tx.performer.update({ where: { id: performerId }, data: { disabled } });
    await tx.user.update({ where: { id: row.user_id }, data: { blocked: disabled } });
    // An enabled performer is unknown to open walls: the event makes them fetch a fresh snapshot.
    if (!disabled) await notifyWallStatus(tx, [{ performerId, status: "offline" }]);
  });
  if (disabled) await setPerformerStatus({ performerId, status: "offline", now });
}
