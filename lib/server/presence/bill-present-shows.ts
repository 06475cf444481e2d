import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { BillingUpdate } from "@/lib/realtime/room-events";
import { publishRoomMessage } from "@/lib/server/rooms/room-channel";
import { billShows } from "@/lib/server/shows/bill-shows";
import type { ActiveShowRef, PresenceSource } from "./presence-source";

export type BillPresentShowsOptions = {
  source: PresenceSource;
  /** Only this performer's show (a presence change in their room); all presence-billed shows when absent. */
  performerId?: number;
  /** Shows to bill up to `now` even though no longer present: their viewer was, until this moment. */
  lost?: ReadonlySet<number>;
  now?: Date;
};

export type PresentShowsResult = {
  /** Every active presence-billed show looked at. */
  checked: ActiveShowRef[];
  /** The shows whose viewer the source reported present. */
  present: ActiveShowRef[];
  /** The billing step of each show billed, as sent to its room. */
  billed: { show: ActiveShowRef; update: BillingUpdate }[];
};

/**
 * One presence billing step of this instance: the active presence-billed shows whose viewer the
 * source reports present (and the `lost` ones) billed up to `now` in one set-based batch (the chat
 * API's batch heartbeat, so the billing rule is the same), each result sent to its room as the
 * meter's update. Safe to run on every instance at once: billing is by time, so a show billed twice
 * up to the same moment is charged once.
 */
export async function billPresentShows({ source, performerId, lost, now = new Date() }: BillPresentShowsOptions): Promise<PresentShowsResult> {
  const shows = await prisma.privateShow.findMany({
    where: { status: "active", billing: "presence", ...(performerId === undefined ? {} : { performerId }) },
    select: { id: true, userId: true, performerId: true },
    orderBy: { id: "asc" },
  });
  if (shows.length === 0) return { checked: [], present: [], billed: [] };
  const presence = await source.check(shows);
  const present = shows.filter((show) => presence.get(show.id) === "present");
  const due = shows.filter((show) => presence.get(show.id) === "present" || lost?.has(show.id));
  if (due.length === 0) return { checked: shows, present, billed: [] };

  const { items, seconds } = await prisma.$transaction(
    async (tx) => {
      const items = await billShows({ showIds: due.map((show) => show.id), now, db: tx });
      const rows = await tx.privateShow.findMany({ where: { id: { in: due.map((show) => show.id) } }, select: { id: true, secondsBilled: true } });
      return { items, seconds: new Map(rows.map((row) => [row.id, row.secondsBilled])) };
    },
    { maxWait: 10_000, timeout: 10_000 },
  );

  const billed: PresentShowsResult["billed"] = [];
  for (const [i, item] of items.entries()) {
    // Ended meanwhile by another path: that path told the room.
    if ("error" in item) continue;
    const show = due[i]!;
    const update: BillingUpdate = {
      showId: show.id, status: item.status, endReason: item.endReason, secondsRemaining: item.secondsRemaining,
      secondsBilled: seconds.get(show.id) ?? 0, creditsCharged: item.creditsCharged, credits: item.userCredits,
    };
    billed.push({ show, update });
  }
  await Promise.all(
    billed.map(({ show, update }) =>
      publishRoomMessage(show.performerId, { t: "billing", userId: show.userId, update }).catch((error) =>
        console.error(`presence billing: update of show ${show.id} not sent`, error),
      ),
    ),
  );
  return { checked: shows, present, billed };
}
