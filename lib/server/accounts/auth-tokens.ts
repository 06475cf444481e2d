import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { AuthTokenPurpose } from "@/lib/generated/prisma/enums";

/** How long a link in an e-mail works. */
export const TOKEN_TTL_MINUTES: Record<AuthTokenPurpose, number> = { password_reset: 60, email_verification: 48 * 60 };

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new one-time token for the user; only its hash is stored. Returns the token for the link. */
export async function issueAuthToken(db: Tx, options: { userId: number; purpose: AuthTokenPurpose }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MINUTES[options.purpose] * 60_000);
  await db.authToken.create({ data: { userId: options.userId, purpose: options.purpose, tokenHash: hash(token), expiresAt } });
  return token;
}

/**
 * Uses a token once: one conditional UPDATE, so two tabs submitting the same link at once cannot both
 * succeed. Returns the user it belongs to; an unknown, expired or used token is one clear refusal.
 */
export async function redeemAuthToken(db: Tx, options: { token: string; purpose: AuthTokenPurpose }): Promise<number> {
  const [row] = await db.$queryRaw<{ user_id: number }[]>`
    UPDATE auth_tokens SET used_at = now()
     WHERE token_hash = ${hash(options.token)} AND purpose = ${options.purpose}::"AuthTokenPurpose"
       AND used_at IS NULL AND expires_at > now()
    RETURNING user_id`;
  if (!row) throw new AppError("bad_request", "This link has expired or was already used. Ask for a new one.");
  return row.user_id;
}
