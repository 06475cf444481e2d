import "server-only";
import type { prisma, Tx } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { creditValueFromPack } from "./compute-price";

/**
 * Currency per credit (API.md "Money"): the admin setting when set, else derived from the first
 * credit pack — the lowest-id active one, or the lowest-id one if none is active — and 0 when the
 * site has no pack yet (then tips and shows are recorded at price 0 rather than refused).
 */
export async function getCreditValue(db: Tx | typeof prisma): Promise<Prisma.Decimal> {
  const setting = await db.setting.findUnique({ where: { id: 1 }, select: { creditValue: true } });
  if (setting?.creditValue != null) return setting.creditValue;
  const pack = await db.creditPack.findFirst({
    // Booleans sort false < true, so `desc` puts active packs first.
    orderBy: [{ active: "desc" }, { id: "asc" }],
    select: { seconds: true, price: true },
  });
  return pack ? creditValueFromPack(pack) : new Prisma.Decimal(0);
}
