import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError, isUniqueViolation } from "@/lib/errors";

/** A viewer follows or unfollows a performer; both are idempotent (a double click changes nothing). */
export async function setFollow(options: { userId: number; performerId: number; follow: boolean }): Promise<{ following: boolean }> {
  const { userId, performerId } = options;
  if (!options.follow) {
    await prisma.follow.deleteMany({ where: { userId, performerId } });
    return { following: false };
  }
  const performer = await prisma.performer.findUnique({ where: { id: performerId }, select: { disabled: true } });
  if (!performer || performer.disabled) throw new AppError("not_found", "This performer does not exist.");
  try {
    await prisma.follow.create({ data: { userId, performerId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { following: true };
}
