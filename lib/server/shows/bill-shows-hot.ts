import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import type { ShowStatus } from "@/lib/generated/prisma/client";
import { BALANCE_CHANNEL, BALANCE_ENTRIES_PER_NOTIFICATION } from "@/lib/server/balance/balance-channel";
import { HOT_CLAIM_WAIT, hotReplay, retryHot, type HotAnswer, type HotRequest, type HotStep } from "@/lib/server/chat-api/hot-path";
import { creditDebitsJson } from "@/lib/server/ledger/apply-credit-debits";
import { inactiveItem, parseLockedRows, planBatch, type BillShowsItem } from "./bill-shows";

// The batch heartbeat's hot path (see lib/server/chat-api/hot-path.ts): a batch whose active shows all
// keep running, planned by billShows' own planBatch from one read, written by the SQL function
// hot_heartbeats in one statement (claim + answer, every show, every debit through
// apply_credit_debits), guarded by each show's billing columns and each viewer's balance as read.
// Unknown and non-active shows are reported as billShows reports them (their status cannot become
// active again, except a requested show being accepted, which then simply happened after this batch).
// A batch in which a show times out or runs out of credits answers null: billShows ends those.

const READ = {
  name: "hot-heartbeats-read",
  text: `SELECT (SELECT json_agg(json_build_array(
                          s.id, s.user_id, s.performer_id, s.rate_per_minute, s.minimum_seconds,
                          round(extract(epoch FROM s.started_at) * 1000)::bigint, round(extract(epoch FROM s.last_heartbeat_at) * 1000)::bigint,
                          s.seconds_billed, s.credits_charged, u.credits, u.flagged, u.blocked) ORDER BY s.id)::text
                   FROM private_shows s JOIN users u ON u.id = s.user_id
                  WHERE s.id = ANY($1::int[]) AND s.status = 'active') AS active,
                (SELECT json_object_agg(s.id, s.status)::text FROM private_shows s WHERE s.id = ANY($1::int[]) AND s.status <> 'active') AS others,
                r.fingerprint AS "recordFingerprint", r.status AS "recordStatus", r.body #>> '{}' AS "recordText"
           FROM (SELECT 1) AS one
           LEFT JOIN idempotency_records r ON r.key = $2`,
};

const WRITE = { name: "hot-heartbeats-write", text: "SELECT hot_heartbeats($1, $2, $3, $4, $5, $6, $7, $8, $9) AS outcome" };

type ReadRow = { active: string | null; others: string | null; recordFingerprint: string | null; recordStatus: number | null; recordText: string | null };

export type BillShowsHotOptions = {
  showIds: number[];
  now: Date;
  hot: HotRequest;
  /** The route's answer for the batch's items (the same function renders billShows' result). */
  answer: (items: BillShowsItem[]) => Parameters<HotRequest["render"]>[0];
};

export function billShowsHot(options: BillShowsHotOptions): Promise<HotAnswer | null> {
  return retryHot(() => attempt(options));
}

async function attempt({ showIds, now, hot, answer }: BillShowsHotOptions): Promise<HotStep> {
  const pool = pgPool();
  const { rows } = await pool.query<ReadRow>({ ...READ, values: [`{${showIds.join(",")}}`, hot.key] });
  const { active, others, recordFingerprint, recordStatus, recordText } = rows[0]!;
  const replay = hotReplay(recordFingerprint === null ? null : { fingerprint: recordFingerprint, status: recordStatus, text: recordText }, hot.fingerprint);
  if (replay !== "none") return replay;

  const batch = planBatch(parseLockedRows(active), now);
  const continuing = batch.plans.flatMap(({ show, plan }) => (plan.outcome === "billed" ? [{ show, plan }] : []));
  if (continuing.length < batch.plans.length) return null;
  const statuses = others === null ? {} : (JSON.parse(others) as Record<string, ShowStatus>);
  const items = showIds.map((id) => batch.results.get(id) ?? inactiveItem(id, statuses[id]));
  const response = hot.render(answer(items));
  const shows = continuing.map(({ show, plan }) => ({
    id: show.id, sb0: show.secondsBilled, cc0: show.creditsCharged, hb0: show.lastHeartbeatAt,
    sb: plan.secondsBilled, cc: plan.creditsCharged, hb: plan.heartbeatAt,
  }));
  const { rows: written } = await pool.query<{ outcome: "done" | "taken" }>({
    ...WRITE,
    values: [
      hot.key, hot.fingerprint, response.status, response.text, HOT_CLAIM_WAIT,
      JSON.stringify(shows), creditDebitsJson(batch.debits), BALANCE_CHANNEL, BALANCE_ENTRIES_PER_NOTIFICATION,
    ],
  });
  return written[0]!.outcome === "done" ? { ...response, replayed: false } : "again";
}
