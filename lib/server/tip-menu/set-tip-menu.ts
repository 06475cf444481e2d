import "server-only";
import { prisma } from "@/lib/db/prisma";
import { notifyRoomChanged } from "@/lib/server/rooms/room-channel";
import type { TTipMenu } from "@/lib/validations/tip-menu";
import { listTipMenu, type TipMenuItemView } from "./list-tip-menu";

/**
 * The studio replaces the performer's tip menu. Items are never deleted: the old ones are retired
 * (active = false) so the tips that name them keep their link; an unchanged item keeps its id.
 */
export async function setTipMenu({ performerId, items }: { performerId: number; items: TTipMenu }): Promise<TipMenuItemView[]> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.tipMenuItem.findMany({ where: { performerId, active: true }, select: { id: true, label: true, credits: true } });
    const kept = new Set<number>();
    for (const [position, item] of items.entries()) {
      const same = current.find((c) => !kept.has(c.id) && c.label === item.label && c.credits === item.credits);
      if (same) {
        kept.add(same.id);
        await tx.tipMenuItem.update({ where: { id: same.id }, data: { position } });
      } else {
        await tx.tipMenuItem.create({ data: { performerId, label: item.label, credits: item.credits, position } });
      }
    }
    await tx.tipMenuItem.updateMany({ where: { performerId, active: true, id: { in: current.filter((c) => !kept.has(c.id)).map((c) => c.id) } }, data: { active: false } });
    await notifyRoomChanged(tx, performerId);
  });
  return listTipMenu(performerId);
}
