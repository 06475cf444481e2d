import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { AppError } from "@/lib/errors";
import { BALANCE_CHANNEL } from "@/lib/server/balance/balance-channel";
import { HOT_CLAIM_WAIT, hotReplay, retryHot, type HotAnswer, type HotRequest, type HotStep } from "@/lib/server/chat-api/hot-path";
import { callerLedgerKey } from "@/lib/server/ledger/ledger-key";
import { notifications } from "@/lib/server/realtime/publish";
import { roomChannel } from "@/lib/server/rooms/room-channel";
import { spendableBalance } from "@/lib/users/spend-guard";
import { assertTipCredits, priceTip, sentTip, tipMessage, type SentTip, type TipFacts } from "./send-tip";

// The chat API tip's hot path (see lib/server/chat-api/hot-path.ts): a plain tip to a performer with
// no active goal, checked and priced by sendTip's own rules (priceTip) from one read, written by the
// SQL function hot_tip in one statement (claim + answer, ppv_tips row, debit + ledger row through
// apply_credit_change, the room's announcement), guarded by the balance it read and by the goal
// staying absent. Every other case (a refusal, a goal to count, a replay still being written)
// answers null and sendTip decides it.

const READ = {
  name: "hot-tip-read",
  text: `SELECT u.role::text AS role, u.username, u.blocked, u.flagged, u.credits,
                p.user_id AS "performerUserId", p.benefit_percent AS "benefitPercent",
                (SELECT credit_value FROM settings WHERE id = 1) AS "settingValue",
                pk.seconds AS "packSeconds", pk.price AS "packPrice",
                EXISTS (SELECT 1 FROM goals g WHERE g.performer_id = $2 AND g.status = 'active') AS "hasGoal",
                -- Taken before the write so that the answer, which carries it, is rendered first.
                nextval('ppv_tips_id_seq')::text AS "tipId",
                r.fingerprint AS "recordFingerprint", r.status AS "recordStatus", r.body #>> '{}' AS "recordText"
           FROM (SELECT 1) AS one
           LEFT JOIN users u ON u.id = $1
           LEFT JOIN performers p ON p.id = $2
           LEFT JOIN LATERAL (SELECT seconds, price FROM ppv_item ORDER BY active DESC, id LIMIT 1) AS pk ON true
           LEFT JOIN idempotency_records r ON r.key = $3`,
};

const WRITE = {
  name: "hot-tip-write",
  text: "SELECT hot_tip($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) AS outcome",
};

type ReadRow = TipFacts & {
  credits: number | null;
  hasGoal: boolean;
  tipId: string;
  recordFingerprint: string | null;
  recordStatus: number | null;
  recordText: string | null;
};

export type SendTipHotOptions = {
  userId: number;
  performerId: number;
  credits: number;
  now: Date;
  hot: HotRequest;
  /** The route's answer for a tip (the same function renders sendTip's result). */
  answer: (sent: SentTip) => Parameters<HotRequest["render"]>[0];
};

export function sendTipHot(options: SendTipHotOptions): Promise<HotAnswer | null> {
  return retryHot(() => attempt(options));
}

async function attempt({ userId, performerId, credits, now, hot, answer }: SendTipHotOptions): Promise<HotStep> {
  const pool = pgPool();
  const { rows } = await pool.query<ReadRow>({ ...READ, values: [userId, performerId, hot.key] });
  const { recordFingerprint, recordStatus, recordText, hasGoal, tipId, credits: balance, ...facts } = rows[0]!;
  const replay = hotReplay(recordFingerprint === null ? null : { fingerprint: recordFingerprint, status: recordStatus, text: recordText }, hot.fingerprint);
  if (replay !== "none") return replay;
  if (hasGoal || balance === null) return null;

  let priced: ReturnType<typeof priceTip>;
  try {
    assertTipCredits(credits);
    priced = priceTip(facts, { userId, performerId, credits });
  } catch (error) {
    // A refusal: sendTip gives it (and the route stores it).
    if (error instanceof AppError) return null;
    throw error;
  }
  if (spendableBalance({ credits: balance, flagged: facts.flagged!, blocked: facts.blocked! }) < credits) return null;

  const sent = sentTip({ id: tipId, date: now, credits, price: priced.price, benefit: priced.benefit, item: null, userId, balance: balance - credits, goal: null });
  const response = hot.render(answer(sent));
  const { rows: written } = await pool.query<{ outcome: "done" | "taken" }>({
    ...WRITE,
    values: [
      hot.key, hot.fingerprint, response.status, response.text, HOT_CLAIM_WAIT,
      tipId, now, userId, performerId, credits, priced.price.toFixed(3), priced.benefit.toFixed(3),
      balance, callerLedgerKey("chat-api-tip", userId, hot.key), BALANCE_CHANNEL,
      JSON.stringify(notifications(roomChannel(performerId), tipMessage(sent, facts.username!))),
    ],
  });
  return written[0]!.outcome === "done" ? { ...response, replayed: false } : "again";
}
