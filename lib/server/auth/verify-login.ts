import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TLogin } from "@/lib/validations/auth";
import { forgiveSignInAttempt, takeSignInAttempt } from "./sign-in-throttle";

export const WRONG_CREDENTIALS = "Wrong e-mail or password.";

// A hash to compare against when the e-mail is unknown, so both cases take the same time.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

export type LoginUser = { id: number; email: string; username: string; role: Role; sessionVersion: number };

/** `clientAddress` from lib/http/client-address.ts: throttling is per address, never per account alone. */
export async function verifyLogin({ email, password, clientAddress }: TLogin & { clientAddress: string }): Promise<LoginUser> {
  await takeSignInAttempt({ email, clientAddress });
  const user = await prisma.user.findUnique({ where: { email } });
  // A closed account answers exactly like an unknown e-mail (same message, same bcrypt work).
  const open = user && !user.closedAt ? user : null;
  const matches = await bcrypt.compare(password, open?.passwordHash ?? DUMMY_HASH);
  if (!open || !matches) throw new AppError("unauthorized", WRONG_CREDENTIALS);
  await forgiveSignInAttempt({ email, clientAddress });
  if (open.blocked) throw new AppError("forbidden", "This account is blocked. Contact the site's support.");
  return { id: open.id, email: open.email, username: open.username, role: open.role, sessionVersion: open.sessionVersion };
}
