import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { MAX_BALANCE } from "@/lib/money/limits";
import { spendRefusal } from "@/lib/users/spend-guard";
import { BALANCE_CHANNEL } from "@/lib/server/balance/balance-channel";

export type CreditChange = {
  userId: number;
  /** Signed: negative spends, positive credits. Never 0. */
  delta: number;
  kind: LedgerKind;
  reference: string;
  /** Unique across the ledger: the same change can never be applied twice. */
  idempotencyKey: string;
  reason?: string;
  actorId?: number;
  /** Only PayPal refunds and reversals may take a balance below zero (the account is then flagged). */
  allowNegative?: boolean;
};

export type CreditChangeResult = { balance: number; entryId: bigint };

// The one place a balance changes. The conditional UPDATE is a single statement, so concurrent
// debits serialise on the row lock and none can take the balance below zero; the ledger row is
// written by the same statement (a data-modifying CTE: no UPDATE, no ledger row, and the reverse),
// so Σ ledger deltas = balance always. The same statement NOTIFYs the new balance, which PostgreSQL
// delivers only if and when the caller's transaction commits: every open page of the user follows it.
export async function applyCreditChange(tx: Tx, change: CreditChange): Promise<CreditChangeResult> {
  if (!Number.isSafeInteger(change.delta) || change.delta === 0) {
    throw new AppError("invalid_request", "A credit change must be a non-zero whole number of credits.");
  }
  const isSpend = change.delta < 0 && !change.allowNegative;
  const rows = await debitAndRecord(tx, change, isSpend);
  const updated = rows[0];
  if (!updated) throw await refusal(tx, change.userId);
  return { balance: updated.credits, entryId: updated.id };
}

async function debitAndRecord(tx: Tx, change: CreditChange, isSpend: boolean): Promise<{ id: bigint; credits: number }[]> {
  try {
    return await tx.$queryRaw<{ id: bigint; credits: number }[]>`
    WITH changed AS (
      UPDATE users
         SET credits = credits + ${change.delta},
             flagged = CASE WHEN credits + ${change.delta} < 0 THEN true
                            WHEN credits + ${change.delta} >= 0 AND ${change.delta} > 0 THEN false
                            ELSE flagged END
       WHERE id = ${change.userId}
         AND (${!isSpend} OR (credits + ${change.delta} >= 0 AND NOT flagged AND NOT blocked))
      RETURNING credits
    ),
    entry AS (
      INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key, reason, actor_id)
      SELECT ${change.userId}::int, ${change.delta}::int, changed.credits, ${change.kind}::"LedgerKind", ${change.reference}::varchar,
             ${change.idempotencyKey}::varchar, ${change.reason ?? null}::text, ${change.actorId ?? null}::int
        FROM changed
      RETURNING id, user_id, balance_after
    ),
    -- Read below only so that it runs: a CTE nobody reads is skipped, and one with a volatile function is never inlined.
    sent AS (SELECT pg_notify(${BALANCE_CHANNEL}, json_build_object('b', json_build_array(json_build_array(user_id, balance_after, id)))::text) FROM entry)
    SELECT entry.id, entry.balance_after AS credits, (SELECT count(*) FROM sent)::int AS sent FROM entry`;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
    // numeric_value_out_of_range: the new balance does not fit users.credits (an int).
    if (rawSqlState(error) === "22003") {
      const message = `That would take the balance beyond ${MAX_BALANCE} credits, the most an account can hold.`;
      throw new AppError("invalid_request", message, { delta: message });
    }
    // A raw query reports a unique violation as P2010 + SQLSTATE 23505; callers (and isUniqueViolation)
    // expect the model API's P2002, as before this became one statement.
    if (rawSqlState(error) !== "23505") throw error;
    throw new Prisma.PrismaClientKnownRequestError(error.message, {
      code: "P2002", clientVersion: error.clientVersion, meta: { ...error.meta, target: ["idempotency_key"] },
    });
  }
}

function rawSqlState(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const meta = error.meta as { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
  return typeof code === "string" ? code : undefined;
}

async function refusal(tx: Tx, userId: number): Promise<AppError> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { blocked: true, flagged: true } });
  if (!user) return new AppError("not_found", `User ${userId} does not exist.`);
  const spend = spendRefusal(user);
  if (spend) return new AppError(spend.code, spend.message);
  return new AppError("insufficient_credits", "Not enough credits.");
}
