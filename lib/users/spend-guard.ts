import type { AppErrorCode } from "@/lib/errors";

// The one rule for "may this account spend credits?" (API.md: 403 account_blocked / account_on_hold on
// every request that would spend, never on a read). Pure, so the room's buttons say the same thing
// the server answers; lib/server/users/assert-can-spend.ts throws it, and billing spends nothing
// from such an account (spendableBalance).

export type SpendAccount = { blocked: boolean; flagged: boolean };

export type SpendRefusal = { code: Extract<AppErrorCode, "account_blocked" | "account_on_hold">; message: string };

/** Why this account may not spend, or null when it may. */
export function spendRefusal(account: SpendAccount): SpendRefusal | null {
  // Worded for whoever reads it: the viewer in the room, the performer in the studio, a chat server.
  if (account.blocked) return { code: "account_blocked", message: "This viewer account is blocked by the site and cannot spend credits." };
  if (account.flagged) {
    return { code: "account_on_hold", message: "This viewer account is on hold: a PayPal refund or reversal took back credits already spent. Buying credits settles it." };
  }
  return null;
}

export function canSpend(account: SpendAccount): boolean {
  return spendRefusal(account) === null;
}

/** What billing may take from this account: its balance, or 0 when it may not spend (never negative). */
export function spendableBalance(account: SpendAccount & { credits: number }): number {
  return canSpend(account) ? Math.max(0, account.credits) : 0;
}
