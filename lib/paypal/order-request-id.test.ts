import { describe, expect, it } from "vitest";
import { captureRequestId, ORDER_WINDOW_MS, orderRequestId } from "./order-request-id";

describe("orderRequestId", () => {
  const base = { userId: 1, itemId: 2, amount: "10.00", currency: "USD", generation: 0, now: new Date(ORDER_WINDOW_MS * 1000 + 1000) };

  it("is the same for a retry within the window, and fits PayPal's and our column's limits", () => {
    const id = orderRequestId(base);
    expect(orderRequestId({ ...base, now: new Date(base.now.getTime() + 60_000) })).toBe(id);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(/^ppv-order-[0-9a-f]{48}$/);
  });

  it("differs for another user, pack, price, currency, generation or window", () => {
    const id = orderRequestId(base);
    for (const change of [{ userId: 9 }, { itemId: 9 }, { amount: "11.00" }, { currency: "EUR" }, { generation: 1 }, { now: new Date(base.now.getTime() + ORDER_WINDOW_MS) }]) {
      expect(orderRequestId({ ...base, ...change })).not.toBe(id);
    }
  });

  it("captures with a request id per order", () => {
    expect(captureRequestId("ABC")).toBe("ppv-capture-ABC");
  });
});
