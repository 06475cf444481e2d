import "server-only";
import { AppError } from "@/lib/errors";
import { spendRefusal, type SpendAccount } from "@/lib/users/spend-guard";

/** Throws 403 account_blocked / account_on_hold (lib/users/spend-guard.ts) unless the account may spend. */
export function assertCanSpend(account: SpendAccount): void {
  const refusal = spendRefusal(account);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
