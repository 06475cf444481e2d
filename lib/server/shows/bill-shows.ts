import "server-only";
import { showChargeKey } from "@/lib/server/ledger/ledger-key";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Tx } from "@/lib/db/prisma";
import type { AppErrorCode } from "@/lib/errors";
import type { PrivateShow, ShowEndReason, ShowStatus } from "@/lib/generated/prisma/client";
import { transitionError } from "@/lib/shows/transitions";
import { applyCreditDebits, type CreditDebit } from "@/lib/server/ledger/apply-credit-debits";
import { planBillingStep, type BillingPlan } from "@/lib/shows/billing";
import { finishShows, type ShowToFinish } from "./finish-show";
import { spendableBalance } from "@/lib/users/spend-guard";

export type BillShowsOptions = { showIds: number[]; now?: Date; /** The caller's transaction, if any. */ db?: Tx };

export type BilledShowItem = {
  showId: number;
  status: ShowStatus;
  endReason: ShowEndReason | null;
  creditsCharged: number;
  secondsRemaining: number;
  userCredits: number;
};
export type FailedShowItem = { showId: number; error: { code: AppErrorCode; message: string } };
export type BillShowsItem = BilledShowItem | FailedShowItem;

/**
 * POST /heartbeats: the billing step of billShow for up to 1000 shows, one result per given id in
 * the given order. Set-based so that a batch costs a handful of statements, not a transaction per
 * show: lock the active shows and their viewers, plan every step in memory with the same
 * planBillingStep as billShow, then write all balances with their ledger rows, all continuing
 * shows, and all ending shows with one multi-row statement each.
 * An unknown or non-active show is reported in its own item and does not affect the others.
 */
export async function billShows({ showIds, now = new Date(), db }: BillShowsOptions): Promise<BillShowsItem[]> {
  const ids = [...new Set(showIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const billed = await inTransaction(db, (tx) => billLocked(tx, ids, now), { maxWait: 10_000, timeout: 10_000 });
  // A repeated id gets the same result again: it was locked and billed once.
  return showIds.map((id) => billed.get(id)!);
}

export type LockedShow = Pick<
  PrivateShow,
  "id" | "userId" | "performerId" | "ratePerMinute" | "minimumSeconds" | "startedAt" | "lastHeartbeatAt" | "secondsBilled" | "creditsCharged"
>;
export type LockedRow = LockedShow & { credits: number; flagged: boolean; blocked: boolean };

async function billLocked(tx: Tx, ids: number[], now: Date): Promise<Map<number, BillShowsItem>> {
  const results = new Map<number, BillShowsItem>();
  // One statement locks the active shows and their viewers, row by row in show-id order (show,
  // then its viewer: the order every path uses), so concurrent batches and single heartbeats
  // queue behind each other instead of deadlocking. A row another transaction is ending is
  // waited for and re-checked; only active shows are locked and billed.
  // The rows come back as one JSON text (timestamps as epoch milliseconds: the columns keep
  // milliseconds) rather than 1000 × 11 typed cells: the driver and Prisma's per-cell result
  // mapping were a large share of the batch's app CPU, JSON.parse of one string is not.
  const [locked] = await tx.$queryRaw<{ rows: string | null }[]>`
    WITH locked AS MATERIALIZED (
      SELECT s.id, s.user_id, s.performer_id, s.rate_per_minute, s.minimum_seconds, s.started_at, s.last_heartbeat_at,
             s.seconds_billed, s.credits_charged, u.credits, u.flagged, u.blocked
        FROM private_shows s JOIN users u ON u.id = s.user_id
       WHERE s.id = ANY(${ids}::int[]) AND s.status = 'active'
       ORDER BY s.id
         FOR NO KEY UPDATE)
    SELECT json_agg(json_build_array(
             id, user_id, performer_id, rate_per_minute, minimum_seconds,
             round(extract(epoch FROM started_at) * 1000)::bigint, round(extract(epoch FROM last_heartbeat_at) * 1000)::bigint,
             seconds_billed, credits_charged, credits, flagged, blocked) ORDER BY id)::text AS rows
      FROM locked`;
  const rows = parseLockedRows(locked?.rows ?? null);
  if (rows.length < ids.length) await reportInactive(tx, ids, new Set(rows.map((s) => s.id)), results);
  if (rows.length === 0) return results;
  const batch = planBatch(rows, now);
  await applyCreditDebits(tx, batch.debits);
  await writeShows(tx, batch.plans, now);
  for (const [id, item] of batch.results) results.set(id, item);
  return results;
}

export type PlannedShow = { show: LockedShow; plan: BillingPlan };

/**
 * The billing step of every active show of a batch, planned in memory with planBillingStep exactly
 * as billShow plans one, the viewers' balances running from show to show: the debits to write, the
 * plans, and each show's result.
 */
export function planBatch(rows: LockedRow[], now: Date): { plans: PlannedShow[]; debits: (CreditDebit & { expected: number })[]; results: Map<number, BilledShowItem> } {
  // Running balances: a user can have only one active show, but two would still be billed in turn.
  const wallet = new Map(rows.map((u) => [u.userId, { before: u.credits, credits: u.credits, spendable: spendableBalance(u) }]));
  const plans: PlannedShow[] = [];
  const debits: (CreditDebit & { expected: number })[] = [];
  for (const show of rows) {
    const purse = wallet.get(show.userId)!;
    const plan = planBillingStep({ show, balance: purse.spendable, now });
    if (plan.outcome !== "timeout" && plan.charge > 0) {
      purse.spendable -= plan.charge;
      purse.credits -= plan.charge;
      debits.push({
        userId: show.userId, credits: plan.charge, kind: "show", reference: `show:${show.id}`,
        idempotencyKey: showChargeKey(show.id, plan.creditsCharged), expected: purse.before,
      });
    }
    plans.push({ show, plan });
  }
  const results = new Map<number, BilledShowItem>();
  for (const { show, plan } of plans) {
    const ended = plan.outcome !== "billed";
    results.set(show.id, {
      showId: show.id,
      status: ended ? "ended" : "active",
      endReason: plan.outcome === "timeout" ? "timeout" : plan.outcome === "exhausted" ? "credits_exhausted" : null,
      creditsCharged: plan.outcome === "timeout" ? show.creditsCharged : plan.creditsCharged,
      secondsRemaining: plan.outcome === "billed" ? plan.secondsRemaining : 0,
      userCredits: wallet.get(show.userId)!.credits,
    });
  }
  return { plans, debits, results };
}

/** The item of a show that cannot be billed: unknown (no status) or not active. */
export function inactiveItem(id: number, status: ShowStatus | undefined): FailedShowItem {
  return status
    ? { showId: id, error: transitionError({ id, status }, "heartbeat") }
    : { showId: id, error: { code: "not_found", message: `Show ${id} does not exist.` } };
}

type LockedJsonRow = [number, number, number, number, number, number | null, number | null, number, number, number, boolean, boolean];

export function parseLockedRows(text: string | null): LockedRow[] {
  if (text === null) return [];
  return (JSON.parse(text) as LockedJsonRow[]).map(
    ([id, userId, performerId, ratePerMinute, minimumSeconds, startedAt, lastHeartbeatAt, secondsBilled, creditsCharged, credits, flagged, blocked]) => ({
      id, userId, performerId, ratePerMinute, minimumSeconds,
      startedAt: startedAt === null ? null : new Date(startedAt),
      lastHeartbeatAt: lastHeartbeatAt === null ? null : new Date(lastHeartbeatAt),
      secondsBilled, creditsCharged, credits, flagged, blocked,
    }),
  );
}

async function reportInactive(tx: Tx, ids: number[], active: Set<number>, results: Map<number, BillShowsItem>): Promise<void> {
  const others = ids.filter((id) => !active.has(id));
  const found = await tx.privateShow.findMany({ where: { id: { in: others } }, select: { id: true, status: true } });
  const statusById = new Map(found.map((row) => [row.id, row.status]));
  for (const id of others) results.set(id, inactiveItem(id, statusById.get(id)));
}

async function writeShows(tx: Tx, plans: PlannedShow[], now: Date): Promise<void> {
  const continuing: { id: number; secondsBilled: number; creditsCharged: number; heartbeatAt: Date }[] = [];
  const ending: ShowToFinish[] = [];
  for (const { show, plan } of plans) {
    const base = { id: show.id, userId: show.userId, performerId: show.performerId };
    if (plan.outcome === "timeout") {
      ending.push({ ...base, secondsBilled: show.secondsBilled, creditsCharged: show.creditsCharged, lastHeartbeatAt: show.lastHeartbeatAt, endedAt: plan.endedAt, endReason: "timeout" });
    } else if (plan.outcome === "exhausted") {
      ending.push({ ...base, secondsBilled: plan.secondsBilled, creditsCharged: plan.creditsCharged, lastHeartbeatAt: plan.heartbeatAt, endedAt: now, endReason: "credits_exhausted" });
    } else {
      continuing.push({ id: show.id, secondsBilled: plan.secondsBilled, creditsCharged: plan.creditsCharged, heartbeatAt: plan.heartbeatAt });
    }
  }
  if (continuing.length > 0) {
    // One JSON parameter instead of four arrays: the driver serialises arrays element by element.
    const values = JSON.stringify(continuing.map((c) => [c.id, c.secondsBilled, c.creditsCharged, c.heartbeatAt.toISOString()]));
    await tx.$executeRaw`
      UPDATE private_shows s
         SET seconds_billed = (v.value->>1)::int, credits_charged = (v.value->>2)::int, last_heartbeat_at = (v.value->>3)::timestamptz
        FROM json_array_elements(${values}::json) AS v(value)
       WHERE s.id = (v.value->>0)::int`;
  }
  await finishShows(tx, ending);
}
