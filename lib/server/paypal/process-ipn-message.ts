import "server-only";
import { prisma } from "@/lib/db/prisma";
import { parseIpnBody } from "@/lib/paypal/parse-ipn";
import { ZIpnFields } from "@/lib/validations/paypal";
import { applyIpn, type IpnOutcome } from "./apply-ipn";
import { verifyIpn } from "./verify-ipn";

export type ProcessedIpn = IpnOutcome & { messageId: number; verification: string };

/**
 * Verifies a stored IPN with PayPal, applies it, and writes the verification, outcome and reason on its
 * paypal_messages row (and to the log). Never throws for a message: a fault is stored as outcome
 * "error" with its reason, and the message can be processed again later (same function).
 */
export async function processIpnMessage({ messageId }: { messageId: number }): Promise<ProcessedIpn> {
  let result: { verification: string } & IpnOutcome = { verification: "pending", outcome: "error", reason: "not processed" };
  try {
    const message = await prisma.paypalMessage.findUniqueOrThrow({ where: { id: messageId }, select: { raw: true } });
    const raw = Buffer.from(message.raw, "latin1");
    const { verification, detail } = await verifyIpn({ raw });
    result = { verification, outcome: verification === "INVALID" ? "rejected" : "error", reason: detail };
    if (verification === "VERIFIED") {
      result = { verification, ...(await applyIpn({ fields: ZIpnFields.parse(parseIpnBody(raw)), raw: message.raw })) };
    }
  } catch (error) {
    console.error(`[paypal] IPN #${messageId} processing failed:`, error);
    result = { ...result, outcome: "error", reason: `processing failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000) };
  }
  await prisma.paypalMessage
    .update({ where: { id: messageId }, data: { verification: result.verification, outcome: result.outcome, reason: result.reason } })
    .catch((error: unknown) => console.error(`[paypal] IPN #${messageId}: could not store the outcome:`, error));
  const line = `[paypal] IPN #${messageId}: ${result.verification}, ${result.outcome}: ${result.reason}`;
  if (result.outcome === "rejected" || result.outcome === "error") console.warn(line);
  else console.info(line);
  return { messageId, ...result };
}
