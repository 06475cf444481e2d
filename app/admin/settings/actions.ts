"use server";

import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/http/form-fields";
import { withAdmin } from "@/lib/http/with-admin";
import { setPriceBounds } from "@/lib/server/prices/set-price-bounds";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { ZSettings } from "@/lib/validations/admin/settings";
import { ZSiteBounds } from "@/lib/validations/prices";

export async function updateSettingsAction(formData: FormData) {
  return withAdmin(async (admin) => {
    await updateSettings({ actorId: admin.id, input: ZSettings.parse(formFields(formData)) });
    // The custom CSS shows on every public page.
    revalidatePath("/", "layout");
  });
}

export async function updatePriceBoundsAction(formData: FormData) {
  return withAdmin(async (admin) => {
    await setPriceBounds({ actorId: admin.id, performerId: null, bounds: ZSiteBounds.parse(formFields(formData)) });
    revalidatePath("/admin/settings");
  });
}
