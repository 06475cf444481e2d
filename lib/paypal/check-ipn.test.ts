import { describe, expect, it } from "vitest";
import { checkIpnOrigin, checkIpnPayment, parseIpnId } from "./check-ipn";

const ours = "merchant@example.com";

describe("checkIpnOrigin", () => {
  it("accepts a payment to our account, by receiver_email or business, in any letter case", () => {
    expect(checkIpnOrigin({ fields: { receiver_email: "Merchant@Example.com" }, mode: "sandbox", receiverEmail: ours })).toEqual({ ok: true });
    expect(checkIpnOrigin({ fields: { receiver_email: "primary@example.com", business: ours }, mode: "live", receiverEmail: ours })).toEqual({ ok: true });
  });

  it("refuses another receiver, a missing one, or no configured receiver", () => {
    expect(checkIpnOrigin({ fields: { receiver_email: "thief@example.com" }, mode: "sandbox", receiverEmail: ours })).toMatchObject({ ok: false, reason: expect.stringContaining("thief@example.com is not ours") });
    expect(checkIpnOrigin({ fields: {}, mode: "sandbox", receiverEmail: ours })).toMatchObject({ ok: false });
    expect(checkIpnOrigin({ fields: { receiver_email: ours }, mode: "sandbox", receiverEmail: undefined })).toMatchObject({ ok: false, reason: expect.stringContaining("not configured") });
  });

  it("refuses test_ipn=1 in live mode only", () => {
    const fields = { receiver_email: ours, test_ipn: "1" };
    expect(checkIpnOrigin({ fields, mode: "live", receiverEmail: ours })).toMatchObject({ ok: false, reason: expect.stringContaining("test_ipn") });
    expect(checkIpnOrigin({ fields, mode: "sandbox", receiverEmail: ours })).toEqual({ ok: true });
  });
});

describe("checkIpnPayment", () => {
  const pack = { priceCents: 1000, currency: "USD" };
  it("accepts the pack's exact price and currency", () => {
    expect(checkIpnPayment({ fields: { mc_gross: "10.00", mc_currency: "USD", quantity: "1" }, ...pack })).toEqual({ ok: true });
    expect(checkIpnPayment({ fields: { mc_gross: "10", mc_currency: "USD" }, ...pack })).toEqual({ ok: true });
  });

  it("names what is wrong", () => {
    expect(checkIpnPayment({ fields: { mc_gross: "1.00", mc_currency: "USD" }, ...pack })).toMatchObject({ reason: expect.stringContaining("mc_gross 1.00") });
    expect(checkIpnPayment({ fields: { mc_gross: "10.00", mc_currency: "EUR" }, ...pack })).toMatchObject({ reason: expect.stringContaining("mc_currency EUR") });
    expect(checkIpnPayment({ fields: { mc_currency: "USD" }, ...pack })).toMatchObject({ reason: expect.stringContaining("(missing)") });
    expect(checkIpnPayment({ fields: { mc_gross: "10.00", mc_currency: "USD", quantity: "2" }, ...pack })).toMatchObject({ reason: expect.stringContaining("quantity") });
  });
});

describe("parseIpnId", () => {
  it("reads positive int4 ids only", () => {
    expect(parseIpnId("42")).toBe(42);
    for (const value of [undefined, "", "0", "-1", "1.5", "abc", "2147483648", "12345678901"]) expect(parseIpnId(value)).toBeNull();
  });
});
