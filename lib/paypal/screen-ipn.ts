import { parseIpnBody } from "./parse-ipn";

// What every PayPal IPN looks like, checked before a message is stored or posted back: PayPal's
// messages are a few KiB of URL-encoded ASCII, signed (verify_sign), about a transaction or a
// payment (txn_type or payment_status), for a receiver (receiver_email, business or receiver_id).
// Anything else is not an IPN, whoever sent it, and is refused without a trace or a postback.

/** The largest IPN body accepted; PayPal's are 1–3 KiB, cart IPNs with many items a few more. */
export const MAX_IPN_BYTES = 16 * 1024;
/** PayPal's IPNs have 30–60 fields; a cart of many items adds a few per item. */
const MAX_IPN_FIELDS = 300;

const URL_ENCODED_ASCII = /^[\x21-\x7e]+$/;

export type IpnProblem = { tooLarge: boolean; message: string };

const invalid = (message: string): IpnProblem => ({ tooLarge: false, message });

/** Why `raw` cannot be a PayPal IPN (for the 4xx answer), or null when it may be one. */
export function ipnProblem(raw: Uint8Array): IpnProblem | null {
  if (raw.byteLength === 0) return invalid("An IPN has a body.");
  if (raw.byteLength > MAX_IPN_BYTES) return { tooLarge: true, message: `An IPN is at most ${MAX_IPN_BYTES / 1024} KiB.` };
  const text = Buffer.from(raw).toString("latin1");
  if (!URL_ENCODED_ASCII.test(text)) return invalid("An IPN is URL-encoded ASCII (application/x-www-form-urlencoded).");
  if (text.split("&").length > MAX_IPN_FIELDS) return invalid(`An IPN has at most ${MAX_IPN_FIELDS} fields.`);
  const fields = parseIpnBody(raw);
  const missing = [
    fields.verify_sign ? null : "verify_sign",
    fields.txn_type || fields.payment_status ? null : "txn_type or payment_status",
    fields.receiver_email || fields.business || fields.receiver_id ? null : "receiver_email, business or receiver_id",
  ].filter((name) => name !== null);
  return missing.length > 0 ? invalid(`Not a PayPal IPN: missing ${missing.join("; ")}.`) : null;
}
