import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { forgiveRateLimitHit } from "@/lib/server/rate-limit/forgive-rate-limit-hit";
import { hitRateLimit } from "@/lib/server/rate-limit/hit-rate-limit";
import { resetRateLimit } from "@/lib/server/rate-limit/reset-rate-limit";

/** Failed sign-ins per (client address, e-mail) pair in each window: the guesses against one account. */
export const SIGN_IN_PAIR_LIMIT = 5;
/** Failed sign-ins per client address over every account: loose, so a shared office or NAT still works. */
export const SIGN_IN_ADDRESS_LIMIT = 50;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export type SignInAttempt = { email: string; clientAddress: string };

// The e-mail is hashed: the counters table then holds no address book, and the key stays short.
function keys({ email, clientAddress }: SignInAttempt) {
  const account = createHash("sha256").update(email).digest("base64url");
  return { pair: `signin:pair:${clientAddress}:${account}`, address: `signin:addr:${clientAddress}` };
}

/**
 * Counts an attempt before the password is checked (so parallel guesses cannot slip past) and refuses
 * it once either limit is reached. Only the client's address is ever throttled, never the account:
 * a stranger elsewhere cannot lock the owner out. The answer never depends on whether the e-mail exists.
 */
export async function takeSignInAttempt(attempt: SignInAttempt): Promise<void> {
  const { pair, address } = keys(attempt);
  const [byPair, byAddress] = await Promise.all([
    hitRateLimit({ key: pair, limit: SIGN_IN_PAIR_LIMIT, windowSeconds: SIGN_IN_WINDOW_SECONDS }),
    hitRateLimit({ key: address, limit: SIGN_IN_ADDRESS_LIMIT, windowSeconds: SIGN_IN_WINDOW_SECONDS }),
  ]);
  if (byPair.ok && byAddress.ok) return;
  const minutes = Math.max(1, Math.ceil(Math.max(byPair.retryAfterSeconds, byAddress.retryAfterSeconds) / 60));
  throw new AppError(
    "too_many_requests",
    `Too many failed sign-in attempts from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/** After the right password: the pair starts over and the address gets this attempt back. */
export async function forgiveSignInAttempt(attempt: SignInAttempt): Promise<void> {
  const { pair, address } = keys(attempt);
  await Promise.all([resetRateLimit(pair), forgiveRateLimitHit({ key: address, windowSeconds: SIGN_IN_WINDOW_SECONDS })]);
}
