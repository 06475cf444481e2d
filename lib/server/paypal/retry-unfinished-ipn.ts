import "server-only";
import { prisma } from "@/lib/db/prisma";
import { processIpnMessage } from "./process-ipn-message";

export type RetryUnfinishedIpnOptions = { now?: Date; limit?: number };

const FIRST_RETRY_AFTER_MS = 2 * 60 * 1000;
const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * The IPN route answers 200 once a message is stored, so PayPal never resends it: a message whose
 * verification postback failed, or whose processing died with the process, is retried here instead
 * for three days, like PayPal's own resends, backing off from 2 minutes to 6 hours. Claiming a
 * message moves its next attempt forward, so a concurrent sweep skips it and a retry that dies with
 * its process is picked up again later; crediting is idempotent per txn_id anyway.
 */
export async function retryUnfinishedIpn({ now = new Date(), limit = 20 }: RetryUnfinishedIpnOptions = {}): Promise<number> {
  const claimed = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE paypal_messages
       SET outcome = 'retrying',
           attempts = attempts + 1,
           next_attempt_at = ${now}::timestamptz + least(interval '2 minutes' * power(2, attempts), interval '6 hours')
     WHERE id IN (
       SELECT id FROM paypal_messages
        WHERE source = 'ipn'
          AND outcome IN ('received', 'error', 'retrying')
          AND coalesce(next_attempt_at, received_at + make_interval(secs => ${FIRST_RETRY_AFTER_MS / 1000})) <= ${now}
          AND received_at > ${new Date(now.getTime() - GIVE_UP_AFTER_MS)}
        ORDER BY id
        LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  for (const { id } of claimed) await processIpnMessage({ messageId: id });
  return claimed.length;
}
