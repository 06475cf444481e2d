"use server";

import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/http/form-fields";
import { withAdmin } from "@/lib/http/with-admin";
import { markPaid } from "@/lib/server/reports/mark-paid";
import { ZMarkPaid } from "@/lib/validations/admin/report";

export async function markPaidAction(formData: FormData) {
  return withAdmin(async (admin) => {
    const result = await markPaid({ actorId: admin.id, ...ZMarkPaid.parse(formFields(formData)) });
    revalidatePath("/admin/reports");
    return result;
  });
}
