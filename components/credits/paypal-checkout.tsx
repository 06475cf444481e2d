"use client";

import { PayPalButtons, PayPalScriptProvider, usePayPalScriptReducer } from "@paypal/react-paypal-js";
import { useRef, useState } from "react";
import { useBalance } from "@/components/balance/balance-provider";
import type { BuyNowForm } from "@/lib/paypal/buy-now-form";
import type { CreditPackView } from "@/lib/server/paypal/list-credit-packs";
import { BuyNowButton } from "./buy-now-button";

type Notice = { tone: "success" | "info" | "error"; text: string };

type PaypalCheckoutProps = {
  packs: CreditPackView[];
  /** PayPal REST client id: public by design (the secret stays on the server). Null = not configured. */
  clientId: string | null;
  currency: string;
  /** The classic PayPal checkout's form of each pack, by pack id; null when no receiver e-mail is set. */
  classicForms: Record<number, BuyNowForm> | null;
};

const TONE = { success: "bg-green-950 text-green-200", info: "bg-slate-800 text-slate-200", error: "bg-red-950 text-red-200" } as const;

// Choose a pack, then pay for that pack right under the choice: PayPal's Smart Buttons (our API
// creates the order with the amount from the database and captures it, crediting once) or the classic
// checkout on paypal.com. The balance is the live one, so a capture (or a later IPN) shows at once,
// here and in the header. Cancelling or failing changes nothing and says so.
export function PaypalCheckout({ packs, clientId, currency, classicForms }: PaypalCheckoutProps) {
  const [packId, setPackId] = useState(() => (packs.find((p) => p.credits === 600) ?? packs[0])?.id);
  const balance = useBalance() ?? 0;
  const chosen = packs.find((pack) => pack.id === packId);
  const classic = chosen && classicForms?.[chosen.id];
  const [notice, setNotice] = useState<Notice | null>(null);
  const failure = useRef<string | null>(null);

  async function createOrder(): Promise<string> {
    setNotice(null);
    failure.current = null;
    const { ok, body } = await post("/api/paypal/orders", { itemId: packId });
    if (!ok || typeof body?.id !== "string") {
      failure.current = errorText(body, "The order could not be created.");
      throw new Error(failure.current);
    }
    return body.id;
  }

  async function onApprove(data: { orderID: string }, actions: { restart?: () => void }): Promise<void> {
    const { ok, body } = await post(`/api/paypal/orders/${encodeURIComponent(data.orderID)}/capture`);
    if (!ok) {
      // A declined card or account: PayPal lets the buyer choose another way to pay for the same order.
      if (body?.error?.code === "payment_declined" && typeof actions.restart === "function") return actions.restart();
      setNotice({ tone: "error", text: errorText(body, "The payment could not be completed.") });
      return;
    }
    setNotice(
      body?.status === "pending"
        ? { tone: "info", text: "PayPal is still processing this payment. Your credits are added as soon as it completes." }
        : { tone: "success", text: `Thank you! ${body?.credits} credits were added to your balance.` },
    );
  }

  if (packs.length === 0) return <p className="text-slate-400">No credit packs are on sale right now.</p>;
  return (
    <section aria-labelledby="checkout-title" className="space-y-4">
      <p className="text-lg">
        Your balance: <strong data-testid="credits-balance">{balance}</strong> credits
      </p>
      <fieldset className="space-y-2">
        <legend id="checkout-title" className="mb-2 text-xl font-semibold">Choose a pack</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {packs.map((pack) => (
            <label
              key={pack.id}
              className="flex cursor-pointer items-center gap-3 rounded-lg border border-slate-700 bg-slate-900 p-3 has-[:checked]:border-pink-500"
            >
              <input type="radio" name="pack" value={pack.id} checked={pack.id === packId} onChange={() => setPackId(pack.id)} className="accent-pink-500" />
              <span>
                <span className="block font-medium">{pack.credits} credits — {pack.price} {pack.currency}</span>
                <span className="block text-sm text-slate-400">{pack.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {chosen && (
        <p aria-live="polite" data-testid="chosen-pack" className="rounded-lg bg-slate-900 p-3 text-sm">
          You pay <strong>{chosen.price} {chosen.currency}</strong> for <strong>{chosen.credits} credits</strong>.
        </p>
      )}
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} data-testid="checkout-notice" className={`rounded p-3 text-sm ${TONE[notice.tone]}`}>
          {notice.text}
        </p>
      )}
      {clientId ? (
        <PayPalScriptProvider options={{ clientId, currency, intent: "capture", components: "buttons" }}>
          <SdkStatus />
          <div className="max-w-md">
            <PayPalButtons
              style={{ layout: "vertical", label: "pay" }}
              disabled={packId === undefined}
              createOrder={createOrder}
              onApprove={onApprove}
              onCancel={() => setNotice({ tone: "info", text: "Payment cancelled. Nothing was charged and your balance is unchanged." })}
              onError={() => setNotice({ tone: "error", text: failure.current ?? "PayPal reported a problem. Nothing was charged; please try again." })}
            />
          </div>
        </PayPalScriptProvider>
      ) : (
        !classic && <p className="text-sm text-slate-400">Paying with PayPal is not set up on this site yet.</p>
      )}
      {chosen && classic && (
        <div className="max-w-md space-y-1">
          <p className="text-sm text-slate-400">Or pay on paypal.com; your credits are added when PayPal notifies us, usually within a minute.</p>
          <BuyNowButton label={`Buy ${chosen.credits} credits for ${chosen.price} ${chosen.currency} on PayPal.com`} form={classic} />
        </div>
      )}
    </section>
  );
}

function SdkStatus() {
  const [{ isPending, isRejected }] = usePayPalScriptReducer();
  if (isPending) return <p className="text-sm text-slate-400">Loading PayPal…</p>;
  if (isRejected) return <p role="alert" className="text-sm text-red-300">PayPal could not be loaded. Check your connection, or use the classic PayPal checkout below.</p>;
  return null;
}

type ApiBody = { id?: unknown; status?: unknown; credits?: unknown; balance?: unknown; error?: { code?: string; message?: string } } | null;

async function post(url: string, body?: unknown): Promise<{ ok: boolean; body: ApiBody }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
    return { ok: response.ok, body: (await response.json().catch(() => null)) as ApiBody };
  } catch {
    return { ok: false, body: { error: { message: "The site could not be reached. Check your connection." } } };
  }
}

function errorText(body: ApiBody, fallback: string): string {
  return body?.error?.message ?? `${fallback} Nothing was charged; please try again.`;
}
