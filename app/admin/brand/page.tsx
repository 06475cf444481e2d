import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { CheckboxField, FileField, SubmitButton, TextField } from "@/components/admin/fields";
import { Card, PageTitle } from "@/components/admin/ui";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { getBrand } from "@/lib/server/settings/get-brand";
import { updateBrandAction } from "./actions";

export const metadata: Metadata = { title: "Brand · Admin" };

export default async function AdminBrandPage() {
  await requirePageUser(["admin"], "/admin/brand");
  const brand = await getBrand();
  return (
    <div className="max-w-3xl space-y-4">
      <PageTitle>Brand</PageTitle>
      <ActionForm action={updateBrandAction} success="Brand saved." aria-label="Brand" className="space-y-6">
        <Card title="Name and headline" id="name">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Site name" name="siteName" required defaultValue={brand.siteName} hint="In the header, page titles and e-mails." />
            <TextField label="Wall headline" name="wallHeadline" required defaultValue={brand.wallHeadline} hint="The title above the performer wall." />
          </div>
        </Card>
        <Card title="Logo and colour" id="look">
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-2">
              {brand.logoPath && (
                // eslint-disable-next-line @next/next/no-img-element -- an uploaded file of any size, shown as is
                <img src={brand.logoPath} alt="Current logo" className="h-12 w-auto rounded bg-slate-800 p-1" data-testid="brand-logo-preview" />
              )}
              <FileField label="Logo" name="logo" hint="JPEG, PNG or WebP up to 5 MB; square works best. Also the favicon and app icon." />
              {brand.logoPath && <CheckboxField label="Remove the logo" name="removeLogo" />}
            </div>
            <TextField label="Accent colour" name="accentColor" required defaultValue={brand.accentColor} hint="#rrggbb: buttons and links." />
          </div>
        </Card>
        <Card title="Entry notice" id="notice">
          <CheckboxField
            label="Ask visitors to confirm they are 18 or older" name="adultNotice" defaultChecked={brand.adultNotice}
            hint="Shown once per browser before the first page."
          />
        </Card>
        <SubmitButton pendingText="Saving…">Save brand</SubmitButton>
      </ActionForm>
    </div>
  );
}
