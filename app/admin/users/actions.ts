"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formFields } from "@/lib/http/form-fields";
import { withAdmin } from "@/lib/http/with-admin";
import { adjustCredits } from "@/lib/server/users/adjust-credits";
import { setUserBlocked } from "@/lib/server/users/set-user-blocked";
import { zId } from "@/lib/validations/admin/fields";
import { ZCreditAdjustment } from "@/lib/validations/admin/user";

export async function adjustCreditsAction(userId: number, formData: FormData) {
  return withAdmin(async (admin) => {
    const id = zId.parse(userId);
    const result = await adjustCredits({ actorId: admin.id, userId: id, ...ZCreditAdjustment.parse(formFields(formData)) });
    revalidatePath(`/admin/users/${id}`);
    return result;
  });
}

export async function setUserBlockedAction(userId: number, blocked: boolean) {
  return withAdmin(async (admin) => {
    const id = zId.parse(userId);
    await setUserBlocked({ actorId: admin.id, userId: id, blocked: z.boolean().parse(blocked) });
    revalidatePath(`/admin/users/${id}`);
    revalidatePath("/admin/users");
  });
}
