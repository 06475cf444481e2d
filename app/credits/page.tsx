import type { Metadata } from "next";
import { PaypalCheckout } from "@/components/credits/paypal-checkout";
import { buildBuyNowForm } from "@/lib/paypal/buy-now-form";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getPaypalConfig } from "@/lib/server/paypal/get-paypal-config";
import { getReceiverEmail } from "@/lib/server/paypal/get-receiver-email";
import { listCreditPacks } from "@/lib/server/paypal/list-credit-packs";

export const metadata: Metadata = { title: "Buy credits" };

const RETURN_NOTICE = {
  return: "Thank you! Your credits are added as soon as PayPal confirms the payment, usually within a minute.",
  cancel: "Payment cancelled. Nothing was charged.",
} as const;

export default async function CreditsPage({ searchParams }: { searchParams: Promise<{ paypal?: string }> }) {
  const user = await requirePageUser(["viewer"], "/credits");
  const { paypal } = await searchParams;
  const [packs, receiverEmail] = await Promise.all([listCreditPacks(), getReceiverEmail()]);
  const config = getPaypalConfig();
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">Buy credits</h1>
      {(paypal === "return" || paypal === "cancel") && (
        <p role="status" className="rounded bg-slate-800 p-3 text-sm">{RETURN_NOTICE[paypal]}</p>
      )}
      {user.flagged && (
        <p className="rounded bg-red-950 p-3 text-sm text-red-200">
          Your account is on hold because a PayPal payment was reversed. Buying credits to bring your balance back above zero settles it.
        </p>
      )}
      <PaypalCheckout
        packs={packs}
        clientId={config.clientId ?? null}
        currency={config.currency}
        classicForms={
          receiverEmail
            ? Object.fromEntries(packs.map((pack) => [pack.id, buildBuyNowForm({ mode: config.mode, receiverEmail, appUrl: config.appUrl, userId: user.id, pack })]))
            : null
        }
      />
    </div>
  );
}
