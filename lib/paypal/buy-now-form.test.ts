import { describe, expect, it } from "vitest";
import { buildBuyNowForm } from "./buy-now-form";

describe("buildBuyNowForm", () => {
  const pack = { id: 7, priceCents: 1000, currency: "USD", description: "600 credits for 10.00" };

  it("posts to PayPal's webscr for the mode, naming our pack, user, receiver and notify URL", () => {
    const form = buildBuyNowForm({ mode: "sandbox", receiverEmail: "merchant@example.com", appUrl: "https://cams.example/", userId: 42, pack });
    expect(form.action).toBe("https://www.sandbox.paypal.com/cgi-bin/webscr");
    expect(Object.fromEntries(form.fields)).toMatchObject({
      cmd: "_xclick", business: "merchant@example.com", item_name: "600 credits for 10.00", item_number: "7", amount: "10.00",
      currency_code: "USD", custom: "42", notify_url: "https://cams.example/api/paypal/ipn",
      return: "https://cams.example/credits?paypal=return", cancel_return: "https://cams.example/credits?paypal=cancel",
    });
    expect(buildBuyNowForm({ mode: "live", receiverEmail: "m@example.com", appUrl: "https://x", userId: 1, pack }).action).toBe("https://www.paypal.com/cgi-bin/webscr");
  });
});
