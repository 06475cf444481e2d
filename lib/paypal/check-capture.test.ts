import { describe, expect, it } from "vitest";
import type { TCapturedOrder } from "@/lib/validations/paypal";
import { checkCapture } from "./check-capture";

const expected = { orderId: "ORDER00000000001", amountCents: 1000, currency: "USD" };
const captured = (capture: Partial<{ id: string; status: string; value: string; currency: string }> = {}, payee = "merchant@example.com"): TCapturedOrder => ({
  id: "ORDER00000000001",
  status: "COMPLETED",
  purchase_units: [
    {
      payee: { email_address: payee },
      payments: {
        captures: [{ id: capture.id ?? "CAPTURE0000000001", status: capture.status ?? "COMPLETED", amount: { value: capture.value ?? "10.00", currency_code: capture.currency ?? "USD" } }],
      },
    },
  ],
});

describe("checkCapture", () => {
  it("accepts a completed or pending capture of the stored amount to our account", () => {
    expect(checkCapture({ order: captured(), expected, receiverEmail: "Merchant@example.com" })).toEqual({ ok: true, captureId: "CAPTURE0000000001", status: "COMPLETED" });
    expect(checkCapture({ order: captured({ status: "PENDING" }), expected, receiverEmail: undefined })).toMatchObject({ ok: true, status: "PENDING" });
  });

  it("refuses a different amount, currency, payee or order", () => {
    expect(checkCapture({ order: captured({ value: "1.00" }), expected, receiverEmail: undefined })).toMatchObject({ ok: false, kind: "mismatch", reason: expect.stringContaining("amount 1.00") });
    expect(checkCapture({ order: captured({ currency: "EUR" }), expected, receiverEmail: undefined })).toMatchObject({ ok: false, kind: "mismatch" });
    expect(checkCapture({ order: captured({}, "thief@example.com"), expected, receiverEmail: "merchant@example.com" })).toMatchObject({ ok: false, reason: expect.stringContaining("payee") });
    expect(checkCapture({ order: { ...captured(), id: "OTHER" }, expected, receiverEmail: undefined })).toMatchObject({ ok: false, kind: "mismatch" });
    expect(checkCapture({ order: { ...captured(), purchase_units: [{}] }, expected, receiverEmail: undefined })).toMatchObject({ ok: false, reason: expect.stringContaining("0 captures") });
  });

  it("reports a declined capture as declined", () => {
    expect(checkCapture({ order: captured({ status: "DECLINED" }), expected, receiverEmail: undefined })).toMatchObject({ ok: false, kind: "declined" });
  });
});
