import "server-only";
import { prisma } from "@/lib/db/prisma";

export type AdminPack = {
  id: number;
  credits: number;
  price: string;
  currency: string;
  description: string;
  active: boolean;
  purchases: number;
};

/** Every credit pack, inactive ones included, with how often it was bought (a bought pack cannot be deleted). */
export async function listAdminPacks(): Promise<AdminPack[]> {
  const packs = await prisma.creditPack.findMany({
    orderBy: [{ active: "desc" }, { price: "asc" }, { id: "asc" }],
    include: { _count: { select: { purchases: true } } },
  });
  return packs.map((p) => ({
    id: p.id, credits: p.seconds, price: p.price.toFixed(2), currency: p.currency, description: p.description, active: p.active, purchases: p._count.purchases,
  }));
}
