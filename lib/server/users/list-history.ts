import "server-only";
import { prisma } from "@/lib/db/prisma";

export type HistoryKind = "purchase" | "tip" | "show" | "refund" | "reversal" | "canceled_reversal" | "admin_adjustment" | "ticket" | "ticket_refund";

export type HistoryLine = {
  /** Unique in the list: `entry:<ledger id>` or `show:<show id>`. */
  key: string;
  at: Date;
  kind: HistoryKind;
  /** Signed change of the balance: + bought, − spent. */
  credits: number;
  /** Purchases, refunds and reversals: the credit pack's name. */
  itemName: string | null;
  /** Tips and shows: who got them. */
  performerName: string | null;
  /** Shows: billed length in seconds, and whether it is still running. */
  seconds: number | null;
  showActive: boolean;
  /** Adjustments: the admin's reason. */
  reason: string | null;
};

export const HISTORY_PAGE_SIZE = 20;

type Row = {
  key: string; at: Date; kind: HistoryKind; credits: number; itemName: string | null; performerName: string | null;
  seconds: number | null; showStatus: string | null; reason: string | null;
};

/**
 * A user's money history in one list, newest first, a page at a time: every ledger entry except a
 * show's billing steps (one per heartbeat) joined to what it paid for — the PayPal purchase, the
 * tip's performer — plus one line per private show with its length and total charge. A show's
 * creditsCharged is, by invariant, the sum of its ledger entries, so the lines still add up to the
 * balance, and a show that cost nothing (ended before its first second) is listed too.
 */
export async function listHistory(userId: number, page = 1): Promise<{ lines: HistoryLine[]; total: number; pages: number }> {
  const offset = (Math.max(1, Math.floor(page)) - 1) * HISTORY_PAGE_SIZE;
  const [rows, counts] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      WITH lines AS (
        SELECT 'entry:' || e.id AS key, e.id AS sort_id, e.created_at AS at, e.kind::text AS kind, e.delta AS credits,
               e.reference, e.reason, NULL::int AS show_id
          FROM ledger_entries e
         WHERE e.user_id = ${userId} AND e.kind <> 'show'
        UNION ALL
        SELECT 'show:' || s.id, s.id, s.started_at, 'show', -s.credits_charged, NULL, NULL, s.id
          FROM private_shows s
         WHERE s.user_id = ${userId} AND s.started_at IS NOT NULL
      )
      SELECT l.key, l.at, l.kind, l.credits, l.reason,
             pp.item_name AS "itemName",
             coalesce(tp.display_name, sp.display_name) AS "performerName",
             s.seconds_billed AS seconds, s.status::text AS "showStatus"
        FROM lines l
        LEFT JOIN ppv_paypal pp
               ON l.kind IN ('purchase', 'refund', 'reversal', 'canceled_reversal')
              AND pp.txn_id = CASE WHEN l.reference LIKE 'paypal:%' THEN substring(l.reference FROM 8) END
        LEFT JOIN ppv_tips t
               ON l.kind = 'tip'
              AND t.id = CASE WHEN l.reference ~ '^tip:[0-9]{1,18}$' THEN substring(l.reference FROM 5)::bigint END
        LEFT JOIN performers tp ON tp.id = t.performerid
        LEFT JOIN private_shows s ON s.id = l.show_id
        LEFT JOIN performers sp ON sp.id = s.performer_id
       ORDER BY l.at DESC, l.sort_id DESC, l.kind
       LIMIT ${HISTORY_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: bigint }[]>`
      SELECT (SELECT count(*) FROM ledger_entries WHERE user_id = ${userId} AND kind <> 'show')
           + (SELECT count(*) FROM private_shows WHERE user_id = ${userId} AND started_at IS NOT NULL) AS total`,
  ]);
  const total = Number(counts[0]?.total ?? 0);
  return {
    lines: rows.map(({ showStatus, ...row }) => ({ ...row, credits: Number(row.credits), showActive: showStatus === "active" })),
    total,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
  };
}
