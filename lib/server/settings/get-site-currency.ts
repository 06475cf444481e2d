import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";

/** The site's currency: the admin setting when the settings row exists, else PAYPAL_CURRENCY. */
export async function getSiteCurrency(db: Tx | typeof prisma = prisma): Promise<string> {
  const setting = await db.setting.findUnique({ where: { id: 1 }, select: { currency: true } });
  return setting?.currency ?? loadEnv().PAYPAL_CURRENCY;
}
