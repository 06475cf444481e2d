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

// The one place a balance changes: the SQL function apply_credit_change (migration
// 20261129050000_hot_path_functions), which this calls and the chat API's hot path calls inside its
// one statement. Its conditional UPDATE serialises concurrent debits on the row lock, so none can take
// the balance below zero; the ledger row is written in the same call (no UPDATE, no ledger row, and
// the reverse), so Σ ledger deltas = balance always. It NOTIFYs the new balance, which PostgreSQL
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
      SELECT entry_id AS id, balance AS credits
        FROM apply_credit_change(${change.userId}::int, ${change.delta}::int, ${change.kind}::"LedgerKind", ${change.reference}::varchar,
                                 ${change.idempotencyKey}::varchar, ${change.reason ?? null}::text, ${change.actorId ?? null}::int,
                                 ${isSpend}, ${BALANCE_CHANNEL}::text)`;
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
