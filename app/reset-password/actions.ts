"use server";

import { actionError, type ActionResult } from "@/lib/http/action-result";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { ZResetPassword } from "@/lib/validations/auth";

export async function resetPasswordAction(formData: FormData): Promise<ActionResult> {
  try {
    await resetPassword(ZResetPassword.parse(Object.fromEntries(formData)));
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}
