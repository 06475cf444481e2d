"use server";

import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/http/form-fields";
import { withAdmin } from "@/lib/http/with-admin";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { ZSettings } from "@/lib/validations/admin/settings";

export async function updateSettingsAction(formData: FormData) {
  return withAdmin(async (admin) => {
    await updateSettings({ actorId: admin.id, input: ZSettings.parse(formFields(formData)) });
    // The custom CSS shows on every public page.
    revalidatePath("/", "layout");
  });
}
