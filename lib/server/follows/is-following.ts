import "server-only";
import { prisma } from "@/lib/db/prisma";

export async function isFollowing({ userId, performerId }: { userId: number; performerId: number }): Promise<boolean> {
  return (await prisma.follow.count({ where: { userId, performerId } })) > 0;
}
