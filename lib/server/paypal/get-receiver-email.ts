import "server-only";
import { prisma } from "@/lib/db/prisma";
import { loadEnv } from "@/lib/env";

/**
 * The PayPal account that must receive every payment we credit: PAYPAL_RECEIVER_EMAIL, else the admin
 * setting. Undefined when neither is set; IPNs are then refused (nothing proves they paid us).
 */
export async function getReceiverEmail(): Promise<string | undefined> {
  const fromEnv = loadEnv().PAYPAL_RECEIVER_EMAIL;
  if (fromEnv) return fromEnv;
  const setting = await prisma.setting.findUnique({ where: { id: 1 }, select: { paypalReceiverEmail: true } });
  return setting?.paypalReceiverEmail?.trim() || undefined;
}
