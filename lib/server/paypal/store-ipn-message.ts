import "server-only";
import { prisma } from "@/lib/db/prisma";
import { parseIpnBody } from "@/lib/paypal/parse-ipn";

/**
 * The first thing done with an IPN, before any check: keep the raw message (paypal_messages, outcome
 * "received"). The body is kept byte for byte as latin1 text (PayPal's bodies are URL-encoded ASCII),
 * so the verification postback can send back exactly what arrived, now or when retried later.
 */
export async function storeIpnMessage({ raw }: { raw: Uint8Array }): Promise<{ id: number }> {
  const fields = parseIpnBody(raw);
  const text = Buffer.from(raw).toString("latin1").replaceAll("\u0000", "\uFFFD");
  return prisma.paypalMessage.create({
    data: {
      source: "ipn",
      raw: text,
      txnId: fields.txn_id?.slice(0, 64) || null,
      paymentStatus: fields.payment_status?.slice(0, 32) || null,
    },
    select: { id: true },
  });
}
