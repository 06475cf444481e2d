import { createHash } from "node:crypto";

// PayPal-Request-Id for "create order": PayPal answers the same order for the same id, so a retried
// call (double click, network retry, two tabs) cannot make two orders. The id is derived on the
// server, never taken from the browser, from:
//   user, pack, amount, currency  – a different pack or a changed price is a different order;
//   a time window (10 minutes)    – a retry within the window gets the same order;
//   the generation                – how many of this user's orders for this pack are finished
//                                   (captured or refused): after a purchase, the next one is new.
// Deterministic, so the same inputs always give the same id; hashed, so it reveals nothing.

export const ORDER_WINDOW_MS = 10 * 60 * 1000;

export type OrderRequestIdOptions = {
  userId: number;
  itemId: number;
  amount: string;
  currency: string;
  generation: number;
  now: Date;
};

export function orderRequestId({ userId, itemId, amount, currency, generation, now }: OrderRequestIdOptions): string {
  const window = Math.floor(now.getTime() / ORDER_WINDOW_MS);
  const digest = createHash("sha256").update(["order", userId, itemId, amount, currency, generation, window].join(":")).digest("hex");
  return `ppv-order-${digest.slice(0, 48)}`;
}

/** The capture of one order is itself idempotent: retrying it returns the same capture. */
export function captureRequestId(orderId: string): string {
  return `ppv-capture-${orderId}`;
}
