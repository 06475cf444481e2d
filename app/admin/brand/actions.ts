"use server";

import { revalidatePath } from "next/cache";
import { formFields, formFile } from "@/lib/http/form-fields";
import { withAdmin } from "@/lib/http/with-admin";
import { updateBrand } from "@/lib/server/settings/update-brand";
import { ZBrand } from "@/lib/validations/admin/brand";

export async function updateBrandAction(formData: FormData) {
  return withAdmin(async (admin) => {
    await updateBrand({ actorId: admin.id, input: ZBrand.parse(formFields(formData)), logo: formFile(formData, "logo") });
    // The name, logo and colour show on every page.
    revalidatePath("/", "layout");
  });
}
