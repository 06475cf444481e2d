import "server-only";
import { prisma } from "@/lib/db/prisma";
import { setPerformerStatus } from "./set-performer-status";

export type ReportStudioCameraOptions = { performerId: number; live: boolean; now?: Date };

/**
 * The studio says whether its camera is live (lib/studio/presence.ts). Live: one UPDATE while the
 * performer is online (the common case, every few seconds per live performer), else they go online
 * — the first beat after "Go live", or the camera is back after a silence took them offline. Not
 * live (camera off, page closed or reloaded): offline at once, with setPerformerStatus's rules.
 */
export async function reportStudioCamera({ performerId, live, now = new Date() }: ReportStudioCameraOptions): Promise<void> {
  if (!live) {
    await setPerformerStatus({ performerId, status: "offline", now });
    return;
  }
  const touched = await prisma.$executeRaw`UPDATE performers SET live_seen_at = ${now} WHERE id = ${performerId} AND status = 'online'`;
  if (touched > 0) return;
  await prisma.$transaction(async (tx) => {
    await setPerformerStatus({ performerId, status: "online", now, db: tx });
    await tx.performer.update({ where: { id: performerId }, data: { liveSeenAt: now } });
  });
}
