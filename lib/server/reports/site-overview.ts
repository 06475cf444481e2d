import "server-only";
import { prisma } from "@/lib/db/prisma";

export async function getSiteOverview() {
  const [viewers, performers, online, activeShows, packs, purchases] = await Promise.all([
    prisma.user.count({ where: { role: "viewer" } }),
    prisma.performer.count({ where: { disabled: false } }),
    prisma.performer.count({ where: { disabled: false, status: "online" } }),
    prisma.privateShow.count({ where: { status: "active", kind: "private" } }),
    prisma.creditPack.count({ where: { active: true } }),
    prisma.purchase.count(),
  ]);
  return { viewers, performers, online, activeShows, packs, purchases };
}
