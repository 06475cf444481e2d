import type { TIpnFields } from "@/lib/validations/paypal";
import { formatAmount, parseCents } from "./money";

// Pure checks of a verified IPN message. Each answers a reason in words: it is stored on the message's
// paypal_messages row and logged, so an admin can tell why a payment was not credited.

export type Check = { ok: true } | { ok: false; reason: string };

const pass: Check = { ok: true };
const fail = (reason: string): Check => ({ ok: false, reason });

export type CheckIpnOriginOptions = { fields: TIpnFields; mode: "sandbox" | "live"; receiverEmail: string | undefined };

/**
 * Is the payment ours, and allowed in this mode? Anyone can make PayPal send a genuine (VERIFIED) IPN
 * to our notify URL for a payment to *their own* account, so the receiver check is what stops it. The
 * business field is the e-mail the buy-now form named; receiver_email is the account's primary e-mail.
 */
export function checkIpnOrigin({ fields, mode, receiverEmail }: CheckIpnOriginOptions): Check {
  if (mode === "live" && fields.test_ipn === "1") return fail("test_ipn=1 (a sandbox message) is refused in live mode");
  if (!receiverEmail) return fail("PAYPAL_RECEIVER_EMAIL is not configured, so the receiver cannot be checked");
  const ours = receiverEmail.trim().toLowerCase();
  const named = [fields.receiver_email, fields.business].map((email) => email?.trim().toLowerCase());
  if (!named.includes(ours)) return fail(`receiver_email ${fields.receiver_email ?? "(missing)"} is not ours`);
  return pass;
}

export type CheckIpnPaymentOptions = { fields: TIpnFields; priceCents: number; currency: string };

/** A Completed or Pending payment: exactly one pack, paid in full in the pack's currency. */
export function checkIpnPayment({ fields, priceCents, currency }: CheckIpnPaymentOptions): Check {
  const gross = parseCents(fields.mc_gross);
  if (gross === null) return fail(`mc_gross ${fields.mc_gross ?? "(missing)"} is not an amount`);
  if (fields.mc_currency !== currency) return fail(`mc_currency ${fields.mc_currency ?? "(missing)"} is not the pack's currency ${currency}`);
  if (gross !== priceCents) {
    return fail(`mc_gross ${fields.mc_gross} does not equal the pack's price ${formatAmount(priceCents, currency)}`);
  }
  if (fields.quantity !== undefined && fields.quantity !== "1") return fail(`quantity ${fields.quantity} is not 1`);
  return pass;
}

/** A positive int4 id from a form field (item_number, custom), or null. */
export function parseIpnId(value: string | undefined): number | null {
  if (!value || !/^[0-9]{1,10}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return id >= 1 && id <= 2_147_483_647 ? id : null;
}
