import "server-only";
import { prisma } from "@/lib/db/prisma";
import { STUDIO_SILENCE_MS } from "@/lib/studio/presence";
import { setPerformerStatus } from "./set-performer-status";

export type ExpireSilentStudiosOptions = { now?: Date; limit?: number };

/**
 * Takes offline every performer whose studio camera stopped saying it is live (see
 * lib/studio/presence.ts), with setPerformerStatus's rules (an active show ends, requests are
 * declined, the wall and rooms are told). Safe in every instance at once: each performer is locked
 * and re-checked, and one another instance holds is skipped. Returns how many went offline.
 */
export async function expireSilentStudios({ now = new Date(), limit = 100 }: ExpireSilentStudiosOptions = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - STUDIO_SILENCE_MS);
  const silent = await prisma.performer.findMany({
    where: { status: "online", liveSeenAt: { lt: cutoff } },
    select: { id: true },
    take: limit,
  });
  let expired = 0;
  for (const { id } of silent) {
    const went = await prisma.$transaction(async (tx) => {
      const still = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM performers WHERE id = ${id} AND status = 'online' AND live_seen_at < ${cutoff} FOR NO KEY UPDATE SKIP LOCKED`;
      if (still.length === 0) return false;
      await setPerformerStatus({ performerId: id, status: "offline", now, db: tx });
      return true;
    });
    if (went) expired += 1;
  }
  return expired;
}
