import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { AdminPack } from "./list-admin-packs";

export async function getAdminPack({ packId }: { packId: number }): Promise<AdminPack> {
  const p = await prisma.creditPack.findUnique({ where: { id: packId }, include: { _count: { select: { purchases: true } } } });
  if (!p) throw new AppError("not_found", `Credit pack ${packId} does not exist.`);
  return { id: p.id, credits: p.seconds, price: p.price.toFixed(2), currency: p.currency, description: p.description, active: p.active, purchases: p._count.purchases };
}
