import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma, type PrivateShow } from "@/lib/generated/prisma/client";

/**
 * Locks a show's row for the rest of the transaction and reads it, so that concurrent transitions
 * of the same show (two accepts, a heartbeat racing an end, two sweeps) run one after the other
 * and each sees the state the previous one committed. FOR NO KEY UPDATE rather than FOR UPDATE:
 * it excludes every other writer of the row just the same, but does not block the foreign-key
 * checks of rows that merely reference the show (its ppv_tips row), which avoids needless waits.
 * Lock order everywhere: performer → show → user, so transactions never wait on each other in a cycle.
 */
export async function lockShow(tx: Tx, showId: number): Promise<PrivateShow> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM private_shows WHERE id = ${showId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", `Show ${showId} does not exist.`);
  return tx.privateShow.findUniqueOrThrow({ where: { id: showId } });
}

/** A private_shows row `s` as a PrivateShow, for raw reads (lockShowWithViewer, the hot heartbeat). */
export const SHOW_COLUMNS = `s.id, s.kind::text AS kind, s.parent_show_id AS "parentShowId", s.group_show_id AS "groupShowId", s.spies_allowed AS "spiesAllowed",
       s.user_id AS "userId", s.performer_id AS "performerId", s.status::text AS status,
       s.rate_per_minute AS "ratePerMinute", s.minimum_seconds AS "minimumSeconds", s.requested_at AS "requestedAt", s.started_at AS "startedAt",
       s.ended_at AS "endedAt", s.last_heartbeat_at AS "lastHeartbeatAt", s.seconds_billed AS "secondsBilled",
       s.credits_charged AS "creditsCharged", s.end_reason::text AS "endReason"`;

export type LockedViewer = { credits: number; flagged: boolean; blocked: boolean };

/**
 * lockShow and the lock of its viewer's row in one statement, for the heartbeat: the show's row
 * first, then the viewer's (lock order show → user; PostgreSQL locks the joined rows as it reads
 * them, show before user for a single show, as billShows relies on too). No performer lock: a
 * billing step never changes the performer row (finishing a show only reads the performer).
 */
export async function lockShowWithViewer(tx: Tx, showId: number): Promise<{ show: PrivateShow; viewer: LockedViewer }> {
  const rows = await tx.$queryRaw<(PrivateShow & LockedViewer)[]>`
    SELECT ${Prisma.raw(SHOW_COLUMNS)},
           u.credits, u.flagged, u.blocked
      FROM private_shows s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${showId}
       FOR NO KEY UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", `Show ${showId} does not exist.`);
  const { credits, flagged, blocked, ...show } = row;
  return { show, viewer: { credits, flagged, blocked } };
}
