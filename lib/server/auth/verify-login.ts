import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TLogin } from "@/lib/validations/auth";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const WRONG_CREDENTIALS = "Wrong e-mail or password.";

// A hash to compare against when the e-mail is unknown, so both cases take the same time.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

export type LoginUser = { id: number; email: string; username: string; role: Role };

export async function verifyLogin({ email, password }: TLogin): Promise<LoginUser> {
  const user = await prisma.user.findUnique({ where: { email } });
  // A closed account answers exactly like an unknown e-mail.
  if (!user || user.closedAt) {
    await bcrypt.compare(password, DUMMY_HASH);
    throw new AppError("unauthorized", WRONG_CREDENTIALS);
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedError(user.lockedUntil);
  if (!(await bcrypt.compare(password, user.passwordHash))) {
    await recordFailure(user.id);
    throw new AppError("unauthorized", WRONG_CREDENTIALS);
  }
  if (user.blocked) throw new AppError("forbidden", "This account is blocked. Contact the site's support.");
  await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  return { id: user.id, email: user.email, username: user.username, role: user.role };
}

// One atomic statement, so parallel guesses cannot slip past the limit.
async function recordFailure(userId: number): Promise<void> {
  await prisma.$executeRaw`
    UPDATE users
       SET failed_logins = CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_logins + 1 END,
           locked_until = CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS}
                               THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE locked_until END
     WHERE id = ${userId}`;
}

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    "too_many_requests",
    `Too many failed sign-in attempts for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}
