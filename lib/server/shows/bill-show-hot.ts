import "server-only";
import { showChargeKey } from "@/lib/server/ledger/ledger-key";
import { pgPool } from "@/lib/db/pg-pool";
import type { PrivateShow } from "@/lib/generated/prisma/client";
import { BALANCE_CHANNEL } from "@/lib/server/balance/balance-channel";
import { HOT_CLAIM_WAIT, hotReplay, retryHot, type HotAnswer, type HotRequest } from "@/lib/server/chat-api/hot-path";
import type { StoredRecord } from "@/lib/server/chat-api/idempotency";
import { planBillingStep } from "@/lib/shows/billing";
import { canTransition } from "@/lib/shows/transitions";
import { spendableBalance } from "@/lib/users/spend-guard";
import type { BillingStepResult } from "./apply-billing-step";
import { SHOW_COLUMNS, type LockedViewer } from "./lock-show";

// The chat API heartbeat's hot path (see lib/server/chat-api/hot-path.ts): the common step of an
// active show that keeps running, planned by planBillingStep exactly as billShow plans it, written by
// the SQL function hot_heartbeat in one statement, guarded by the show's billing columns and the
// balance it was planned against. Every other case (unknown or not active show, a timeout, credits
// running out, a replay still being written) answers null and billShow decides it.

const READ = {
  name: "hot-heartbeat-read",
  text: `SELECT ${SHOW_COLUMNS}, u.credits, u.flagged, u.blocked,
                r.fingerprint AS "recordFingerprint", r.status AS "recordStatus", r.body #>> '{}' AS "recordText"
           FROM (SELECT 1) AS one
           LEFT JOIN private_shows s ON s.id = $1
           LEFT JOIN users u ON u.id = s.user_id
           LEFT JOIN idempotency_records r ON r.key = $2`,
};

const WRITE = {
  name: "hot-heartbeat-write",
  text: "SELECT hot_heartbeat($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) AS outcome",
};

type ReadRow = Partial<PrivateShow & LockedViewer> & { recordFingerprint: string | null; recordStatus: number | null; recordText: string | null };

export type BillShowHotOptions = {
  showId: number;
  now: Date;
  hot: HotRequest;
  /** The route's answer for a billed step (the same function renders billShow's result). */
  answer: (result: BillingStepResult) => Parameters<HotRequest["render"]>[0];
};

export function billShowHot(options: BillShowHotOptions): Promise<HotAnswer | null> {
  return retryHot(() => attempt(options));
}

async function attempt({ showId, now, hot, answer }: BillShowHotOptions) {
  const pool = pgPool();
  const { rows } = await pool.query<ReadRow>({ ...READ, values: [showId, hot.key] });
  const { recordFingerprint, recordStatus, recordText, credits, flagged, blocked, ...columns } = rows[0]!;
  const record: StoredRecord | null = recordFingerprint === null ? null : { fingerprint: recordFingerprint, status: recordStatus, text: recordText };
  const replay = hotReplay(record, hot.fingerprint);
  if (replay !== "none") return replay;
  if (columns.id === null || credits === undefined || credits === null) return null;
  const show = columns as PrivateShow;
  if (!canTransition(show.status, "heartbeat")) return null;

  const viewer = { credits, flagged: flagged!, blocked: blocked! };
  const plan = planBillingStep({ show, balance: spendableBalance(viewer), now });
  if (plan.outcome !== "billed") return null;

  const billed: PrivateShow = { ...show, secondsBilled: plan.secondsBilled, creditsCharged: plan.creditsCharged, lastHeartbeatAt: plan.heartbeatAt };
  const response = hot.render(answer({ show: billed, user: { id: show.userId, credits: viewer.credits - plan.charge }, secondsRemaining: plan.secondsRemaining }));
  const { rows: written } = await pool.query<{ outcome: "done" | "taken" }>({
    ...WRITE,
    values: [
      hot.key, hot.fingerprint, response.status, response.text, HOT_CLAIM_WAIT,
      show.id, show.secondsBilled, show.creditsCharged, show.lastHeartbeatAt,
      plan.secondsBilled, plan.creditsCharged, plan.heartbeatAt,
      show.userId, viewer.credits, plan.charge, showChargeKey(show.id, plan.creditsCharged), BALANCE_CHANNEL,
    ],
  });
  return written[0]!.outcome === "done" ? { ...response, replayed: false } : "again";
}
