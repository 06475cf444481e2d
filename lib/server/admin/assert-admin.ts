import "server-only";
import type { prisma, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export type AssertAdminOptions = { db: Tx | typeof prisma; actorId: number };

/**
 * Every admin domain function calls this with the acting user's id, inside its transaction when it has
 * one. The server action already checked the session (withAdmin), but the domain layer is also called
 * from tests, scripts and future routes: re-reading the role here means no caller can forget it, and a
 * demoted or blocked admin is refused even mid-request.
 */
export async function assertAdmin({ db, actorId }: AssertAdminOptions): Promise<void> {
  const actor = await db.user.findUnique({ where: { id: actorId }, select: { role: true, blocked: true } });
  if (!actor || actor.blocked || actor.role !== "admin") {
    throw new AppError("forbidden", "Only an administrator can do this.");
  }
}
