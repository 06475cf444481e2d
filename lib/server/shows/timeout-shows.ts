import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { finishShows } from "./finish-show";

/**
 * The timeout rule's effect, for shows the caller has locked and found stale: ended at their last
 * heartbeat with reason `timeout`, billing left exactly as the last heartbeat left it — the viewer
 * never pays for the dead time after it.
 */
export async function timeoutShows(tx: Tx, shows: PrivateShow[]): Promise<void> {
  await finishShows(
    tx,
    shows.map((show) => ({
      id: show.id,
      userId: show.userId,
      performerId: show.performerId,
      secondsBilled: show.secondsBilled,
      creditsCharged: show.creditsCharged,
      lastHeartbeatAt: show.lastHeartbeatAt,
      endedAt: show.lastHeartbeatAt ?? show.startedAt ?? show.requestedAt,
      endReason: "timeout",
    })),
  );
}
