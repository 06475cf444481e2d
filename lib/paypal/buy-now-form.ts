import { formatAmount } from "./money";

// The classic PayPal "Buy Now" button (Website Payments Standard): a plain HTML form posted to PayPal.
// PayPal then sends an IPN to notify_url; nothing from this form is trusted: the IPN is verified with
// PayPal and checked against the pack in our database (lib/server/paypal/process-ipn-message.ts).

export const WEBSCR_URL = {
  sandbox: "https://www.sandbox.paypal.com/cgi-bin/webscr",
  live: "https://www.paypal.com/cgi-bin/webscr",
} as const;

export type BuyNowFormOptions = {
  mode: "sandbox" | "live";
  receiverEmail: string;
  appUrl: string;
  userId: number;
  pack: { id: number; priceCents: number; currency: string; description: string };
};

export type BuyNowForm = { action: string; fields: [name: string, value: string][] };

export function buildBuyNowForm({ mode, receiverEmail, appUrl, userId, pack }: BuyNowFormOptions): BuyNowForm {
  const base = appUrl.replace(/\/+$/, "");
  return {
    action: WEBSCR_URL[mode],
    fields: [
      ["cmd", "_xclick"],
      ["business", receiverEmail],
      ["item_name", pack.description],
      ["item_number", String(pack.id)],
      ["amount", formatAmount(pack.priceCents, pack.currency)],
      ["currency_code", pack.currency],
      ["quantity", "1"],
      ["custom", String(userId)],
      ["notify_url", `${base}/api/paypal/ipn`],
      ["return", `${base}/credits?paypal=return`],
      ["cancel_return", `${base}/credits?paypal=cancel`],
      ["rm", "1"],
      ["no_shipping", "1"],
      ["no_note", "1"],
      ["charset", "utf-8"],
    ],
  };
}
