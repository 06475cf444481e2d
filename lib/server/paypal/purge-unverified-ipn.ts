import "server-only";
import { prisma } from "@/lib/db/prisma";

export type PurgeUnverifiedIpnOptions = { olderThan: Date; batch?: number };

/**
 * Retention of IPN messages PayPal never verified (INVALID, or never answered): after
 * IPN_RETENTION_DAYS they are deleted, in batches so no single statement holds locks for long.
 * Verified messages are the payment's history and stay. Returns how many rows were deleted.
 */
export async function purgeUnverifiedIpn({ olderThan, batch = 1000 }: PurgeUnverifiedIpnOptions): Promise<number> {
  let deleted = 0;
  for (;;) {
    const count = await prisma.$executeRaw`
      DELETE FROM paypal_messages WHERE id IN (
        SELECT id FROM paypal_messages
         WHERE source = 'ipn' AND verification <> 'VERIFIED' AND received_at < ${olderThan}
         LIMIT ${batch})`;
    deleted += count;
    if (count < batch) return deleted;
  }
}
