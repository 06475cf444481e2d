"use client";

import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextAreaField } from "@/components/admin/fields";
import type { ActionResult } from "@/lib/http/action-result";
import type { TipMenuEntry } from "@/lib/realtime/room-events";
import { TIP_MENU_MAX_ITEMS } from "@/lib/validations/tip-menu";

/** The studio's tip menu: one item per line, "Dance = 50". */
export function TipMenuForm({ items, action }: { items: TipMenuEntry[]; action: (formData: FormData) => Promise<ActionResult<unknown>> }) {
  return (
    <section aria-labelledby="tip-menu-form-title" className="rounded-lg border border-slate-800 p-4">
      <h2 id="tip-menu-form-title" className="mb-2 text-lg font-semibold">Tip menu</h2>
      <ActionForm action={action} success="Tip menu saved." aria-label="Tip menu" className="space-y-3">
        <TextAreaField
          label="Items" name="menu" rows={6} defaultValue={items.map((item) => `${item.label} = ${item.credits}`).join("\n")}
          hint={`One per line, e.g. "Dance = 50" (credits). Up to ${TIP_MENU_MAX_ITEMS} items. Viewers tip them from your room.`}
        />
        <SubmitButton pendingText="Saving…">Save tip menu</SubmitButton>
      </ActionForm>
    </section>
  );
}
