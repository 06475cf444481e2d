import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const USERS_PAGE_SIZE = 25;

export type SearchUsersOptions = { q?: string; page?: number };

export type UserRow = { id: number; email: string; username: string; role: Role; credits: number; blocked: boolean; flagged: boolean; createdAt: Date };

/** Users whose e-mail or username contains `q` (case-insensitive), newest first, a page at a time. */
export async function searchUsers({ q, page = 1 }: SearchUsersOptions): Promise<{ users: UserRow[]; total: number }> {
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { username: { contains: q, mode: "insensitive" } }] }
    : {};
  const [users, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, username: true, role: true, credits: true, blocked: true, flagged: true, createdAt: true },
    }),
    prisma.user.count({ where }),
  ]);
  return { users, total };
}
