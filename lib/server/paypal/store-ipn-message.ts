import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseIpnBody } from "@/lib/paypal/parse-ipn";
import { ipnProblem } from "@/lib/paypal/screen-ipn";

/**
 * The first thing done with an IPN that can be one (screen-ipn.ts; anything else is refused with a
 * 400 and leaves no row): keep the raw message (paypal_messages, outcome "received"). The body is kept byte for byte as latin1 text (PayPal's bodies are URL-encoded ASCII),
 * so the verification postback can send back exactly what arrived, now or when retried later.
 */
export async function storeIpnMessage({ raw }: { raw: Uint8Array }): Promise<{ id: number }> {
  const problem = ipnProblem(raw);
  if (problem) throw new AppError(problem.tooLarge ? "payload_too_large" : "bad_request", problem.message);
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
