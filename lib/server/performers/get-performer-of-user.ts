import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** The performer profile of a performer account: their studio and their room. */
export async function getPerformerOfUser(userId: number): Promise<{ id: number; slug: string; tags: string[] }> {
  const performer = await prisma.performer.findUnique({ where: { userId }, select: { id: true, slug: true, tags: true } });
  if (!performer) throw new AppError("not_found", "This account has no performer profile.");
  return performer;
}
