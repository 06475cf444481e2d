import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/admin/fields";
import { PriceBoundsFields } from "@/components/admin/price-bounds-fields";
import { Card, PageTitle } from "@/components/admin/ui";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getPriceBounds } from "@/lib/server/prices/get-price-bounds";
import { getSettings } from "@/lib/server/settings/get-settings";
import { CUSTOM_CSS_MAX } from "@/lib/settings/custom-css";
import { updatePriceBoundsAction, updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings · Admin" };

const PROVIDERS = [
  { value: "builtin", label: "Built-in chat" },
  { value: "html5chat", label: "html5-chat (hosted)" },
] as const;

export default async function AdminSettingsPage() {
  await requirePageUser(["admin"], "/admin/settings");
  const [s, bounds] = await Promise.all([getSettings(), getPriceBounds({ performerId: null })]);
  return (
    <div className="max-w-3xl space-y-4">
      <PageTitle>Settings</PageTitle>
      <ActionForm action={updateSettingsAction} success="Settings saved." aria-label="Settings" className="space-y-6">
        <Card title="Money" id="money">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Credit value (per credit)" name="creditValue" inputMode="decimal" defaultValue={s.creditValue} placeholder={s.effectiveCreditValue}
              hint={`Prices tips and shows. Empty = derived from the first credit pack (now ${s.effectiveCreditValue}).`}
            />
            <TextField label="Currency" name="currency" required defaultValue={s.currency} hint="3-letter ISO code; payouts are recorded in it." />
          </div>
        </Card>
        <Card title="PayPal" id="paypal">
          <TextField
            label="PayPal receiver e-mail" name="paypalReceiverEmail" type="email" defaultValue={s.paypalReceiverEmail}
            hint="The primary e-mail of the PayPal account that receives payments. PAYPAL_RECEIVER_EMAIL, when set, wins."
          />
        </Card>
        <Card title="Chat" id="chat">
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Chat provider" name="chatProvider" defaultValue={s.chatProvider} options={PROVIDERS} />
            <TextField label="html5-chat webmaster id" name="webmasterId" inputMode="numeric" defaultValue={s.webmasterId} hint="Needed for html5-chat." />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="spyEnabled" defaultChecked={s.spyEnabled} className="h-4 w-4" />
            Spy mode: viewers may watch private shows unseen at the performer&apos;s spy rate (performers can still close a show to spies)
          </label>
        </Card>
        <Card title="Look" id="look">
          <TextAreaField
            label="Custom CSS" name="customCss" defaultValue={s.customCss} rows={10} mono
            hint={`Added to the wall and room pages. Up to ${CUSTOM_CSS_MAX} characters; no “<”, no @import, and url() only with a path on this site (e.g. url(/uploads/…)).`}
          />
        </Card>
        <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
      </ActionForm>
      <ActionForm action={updatePriceBoundsAction} success="Price limits saved." aria-label="Performers' price limits" className="space-y-4">
        <Card title="Performers' price limits" id="price-limits">
          <p className="text-sm text-slate-300">Performers set their own prices in the studio between these limits (a performer&apos;s page can override them). Prices outside new limits move to the nearest limit.</p>
          <PriceBoundsFields values={bounds.site} />
        </Card>
        <SubmitButton pendingText="Saving…">Save price limits</SubmitButton>
      </ActionForm>
    </div>
  );
}
