"use client";

import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import type { ActionResult } from "@/lib/http/action-result";
import { PRICE_FIELDS, PRICE_KINDS, type PerformerPrices, type PriceBounds } from "@/lib/prices/price-bounds";

/** The studio's prices: each field between the bounds the admin allows this performer. */
export function PriceForm({ prices, bounds, action }: { prices: PerformerPrices; bounds: PriceBounds; action: (formData: FormData) => Promise<ActionResult<unknown>> }) {
  return (
    <section aria-labelledby="prices-title" className="rounded-lg border border-slate-800 p-4">
      <h2 id="prices-title" className="mb-2 text-lg font-semibold">My prices</h2>
      <ActionForm action={action} success="Prices saved. New requests use them." aria-label="My prices" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {PRICE_KINDS.map((kind) => {
            const { field, label, unit } = PRICE_FIELDS[kind];
            return (
              <TextField
                key={kind} label={`${label} (${unit})`} name={field} inputMode="numeric" required defaultValue={prices[field]}
                hint={`Between ${bounds[kind].min} and ${bounds[kind].max}.`}
              />
            );
          })}
        </div>
        <SubmitButton pendingText="Saving…">Save prices</SubmitButton>
      </ActionForm>
    </section>
  );
}
