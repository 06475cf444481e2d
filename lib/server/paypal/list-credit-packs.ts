import "server-only";
import { prisma } from "@/lib/db/prisma";
import { decimalToCents, formatAmount } from "@/lib/paypal/money";

export type CreditPackView = { id: number; credits: number; priceCents: number; price: string; currency: string; description: string };

/** The packs on sale, cheapest first. */
export async function listCreditPacks(): Promise<CreditPackView[]> {
  const packs = await prisma.creditPack.findMany({ where: { active: true }, orderBy: [{ price: "asc" }, { id: "asc" }] });
  return packs.map((pack) => {
    const priceCents = decimalToCents(pack.price);
    return { id: pack.id, credits: pack.seconds, priceCents, price: formatAmount(priceCents, pack.currency), currency: pack.currency, description: pack.description };
  });
}
