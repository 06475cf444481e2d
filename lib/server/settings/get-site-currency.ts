import "server-only";
import type { prisma, Tx } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";

/** The site's currency: the admin setting when the settings row exists, else PAYPAL_CURRENCY. */
export async function getSiteCurrency(db: Tx | typeof prisma): Promise<string> {
  const setting = await db.setting.findUnique({ where: { id: 1 }, select: { currency: true } });
  return setting?.currency ?? loadEnv().PAYPAL_CURRENCY;
}
