import "server-only";
import type { Tx } from "@/lib/db/prisma";
import type { ShowEndReason } from "@/lib/generated/prisma/enums";
import { getCreditValue } from "@/lib/server/money/get-credit-value";
import { performerBenefit, priceOfCredits } from "@/lib/server/money/compute-price";
import { notifyWallStatus } from "@/lib/server/performers/notify-wall-status";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import { endSpySessions } from "./end-spy-sessions";

export type ShowToFinish = {
  id: number;
  userId: number;
  performerId: number;
  /** Final billing figures: the caller has already charged them through the ledger. */
  secondsBilled: number;
  creditsCharged: number;
  lastHeartbeatAt: Date | null;
  endedAt: Date;
  endReason: ShowEndReason;
};

/**
 * The one way a paid session ends — a private show or a spy session —, used by every path (end,
 * credits_exhausted, timeout, performer going offline, single or batch): in the caller's
 * transaction, with the show rows locked by it, it marks the shows ended, writes exactly one
 * `liveshow` ppv_tips row per show (credits = creditsCharged, priced like a tip; the show's kind
 * tells a spy session from a private show), ends the spy sessions of the private shows that ended
 * (billed up to the same moment) and announces the performers' new wall status. The unique
 * show_id on ppv_tips makes a second row for a session impossible even if a caller errs.
 */
export async function finishShows(tx: Tx, shows: ShowToFinish[]): Promise<void> {
  if (shows.length === 0) return;
  const performerIds = [...new Set(shows.map((show) => show.performerId))];
  const [creditValue, performers] = await Promise.all([
    getCreditValue(tx),
    tx.performer.findMany({ where: { id: { in: performerIds } }, select: { id: true, benefitPercent: true, status: true } }),
  ]);
  const performerById = new Map(performers.map((performer) => [performer.id, performer]));
  const prices = shows.map((show) => priceOfCredits(show.creditsCharged, creditValue));
  const benefits = shows.map((show, i) => performerBenefit(prices[i]!, performerById.get(show.performerId)!.benefitPercent));

  const endedRows = await tx.$queryRaw<{ id: number; kind: "private" | "spy" }[]>`
    UPDATE private_shows s
       SET status = 'ended', ended_at = v.ended_at, end_reason = v.end_reason, seconds_billed = v.seconds_billed,
           credits_charged = v.credits_charged, last_heartbeat_at = v.last_heartbeat_at
      FROM unnest(
        ${shows.map((s) => s.id)}::int[],
        ${shows.map((s) => s.endedAt.toISOString())}::timestamptz[],
        ${shows.map((s) => s.endReason)}::"ShowEndReason"[],
        ${shows.map((s) => s.secondsBilled)}::int[],
        ${shows.map((s) => s.creditsCharged)}::int[],
        ${shows.map((s) => s.lastHeartbeatAt?.toISOString() ?? null)}::timestamptz[]
      ) AS v(id, ended_at, end_reason, seconds_billed, credits_charged, last_heartbeat_at)
     WHERE s.id = v.id AND s.status = 'active'
    RETURNING s.id, s.kind::text AS kind`;
  const ended = endedRows.length;
  // The caller holds the row locks and checked the status, so anything else is a bug: roll back.
  if (ended !== shows.length) throw new Error(`finishShows: expected ${shows.length} active shows, ended ${ended}.`);

  await tx.$executeRaw`
    INSERT INTO ppv_tips (date, action, userid, performerid, credits, price, "performerBenefit", show_id)
    SELECT v.date, 'liveshow', v.userid, v.performerid, v.credits, v.price, v.benefit, v.show_id
      FROM unnest(
        ${shows.map((s) => s.endedAt.toISOString())}::timestamptz[],
        ${shows.map((s) => s.userId)}::int[],
        ${shows.map((s) => s.performerId)}::int[],
        ${shows.map((s) => s.creditsCharged)}::int[],
        ${prices.map((p) => p.toFixed(3))}::numeric[],
        ${benefits.map((b) => b.toFixed(3))}::numeric[],
        ${shows.map((s) => s.id)}::int[]
      ) AS v(date, userid, performerid, credits, price, benefit, show_id)`;

  const privateIds = new Set(endedRows.filter((row) => row.kind === "private").map((row) => row.id));
  const privates = shows.filter((show) => privateIds.has(show.id));
  await endSpySessions(tx, privates.map((show) => ({ id: show.id, endedAt: show.endedAt })));
  // A performer has at most one active private show, so once it ended their wall status is their own.
  const freed = [...new Set(privates.map((show) => show.performerId))];
  await notifyWallStatus(tx, freed.map((id) => ({ performerId: id, status: performerById.get(id)!.status })));
  // A spy leaving changes the count the private show's parties see.
  const watched = new Set(shows.filter((show) => !privateIds.has(show.id)).map((show) => show.performerId));
  for (const performerId of watched) await notifyRoomChanged(tx, performerId);
}
