import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { isStale } from "@/lib/shows/billing";
import { getShow } from "@/lib/server/shows/get-show";
import { canSpend } from "@/lib/users/spend-guard";

export type GetUserStatusOptions = { userId: number; now?: Date };

export type UserStatus = {
  id: number;
  username: string;
  role: Role;
  credits: number;
  canRequestPrivate: boolean;
  /** The user's open show: requested or active (at most one exists), else null. */
  activeShowId: number | null;
};

/**
 * GET /users/{id} (getUserStatus). canRequestPrivate mirrors requestShow's checks: a viewer, not
 * blocked or flagged, with no open show, who can pay one minute of the cheapest performer who is
 * online and not busy (false when nobody is).
 */
export async function getUserStatus({ userId, now = new Date() }: GetUserStatusOptions): Promise<UserStatus> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, role: true, credits: true, blocked: true, flagged: true },
  });
  if (!user) throw new AppError("not_found", `User ${userId} does not exist.`);
  let open = await prisma.privateShow.findFirst({
    where: { userId, status: { in: ["requested", "active"] } },
    select: { id: true, status: true, startedAt: true, lastHeartbeatAt: true },
  });
  // A show whose heartbeats stopped is over: apply the timeout rule now rather than report it open.
  if (open?.status === "active" && isStale(open, now)) {
    const show = await getShow({ showId: open.id, now });
    if (show.status !== "active") open = null;
  }
  const cheapest = await prisma.performer.findFirst({
    where: { disabled: false, status: "online", shows: { none: { status: "active", kind: "private" } } },
    orderBy: { ratePerMinute: "asc" },
    select: { ratePerMinute: true },
  });
  const canRequestPrivate =
    user.role === "viewer" && canSpend(user) && !open && cheapest !== null && user.credits >= cheapest.ratePerMinute;
  return { id: user.id, username: user.username, role: user.role, credits: user.credits, canRequestPrivate, activeShowId: open?.id ?? null };
}
