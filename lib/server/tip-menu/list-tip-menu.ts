import "server-only";
import { prisma } from "@/lib/db/prisma";

export type TipMenuItemView = { id: number; label: string; credits: number };

/** A performer's current tip menu, in the performer's order. */
export async function listTipMenu(performerId: number): Promise<TipMenuItemView[]> {
  return prisma.tipMenuItem.findMany({
    where: { performerId, active: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, label: true, credits: true },
  });
}
