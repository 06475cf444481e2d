import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { listTipMenu, type TipMenuItemView } from "./list-tip-menu";

/** A performer's tip menu for the chat API: unknown or disabled performer → not_found. */
export async function getTipMenuOf(performerId: number): Promise<TipMenuItemView[]> {
  const performer = await prisma.performer.findFirst({ where: { id: performerId, disabled: false }, select: { id: true } });
  if (!performer) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
  return listTipMenu(performerId);
}
