import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type CurrentUser = {
  id: number;
  email: string;
  username: string;
  role: Role;
  credits: number;
  flagged: boolean;
};

// The session only says who signed in; the role, the blocked flag and the session version are read from
// the database on every request, so a demoted or blocked user loses access at once, whatever their cookie
// says, and a cookie issued before a sign-out is refused (lib/server/auth/revoke-sessions.ts).
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!Number.isInteger(id)) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, username: true, role: true, credits: true, flagged: true, blocked: true, closedAt: true, sessionVersion: true },
  });
  if (!user || user.blocked || user.closedAt || user.sessionVersion !== session?.user.sessionVersion) return null;
  return { id: user.id, email: user.email, username: user.username, role: user.role, credits: user.credits, flagged: user.flagged };
}

/** For pages: anonymous → /login, wrong role → the 403 page. */
export async function requirePageUser(roles: readonly Role[], from: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (!roles.includes(user.role)) redirect("/forbidden");
  return user;
}

/** For server actions and route handlers: throws 401 / 403 as an AppError. */
export async function requireUser(roles: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in first.");
  if (!roles.includes(user.role)) throw new AppError("forbidden", "You are not allowed to do this.");
  return user;
}
