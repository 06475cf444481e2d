"use server";

import { actionError, type ActionResult } from "@/lib/http/action-result";
import { requestPasswordReset } from "@/lib/server/accounts/request-password-reset";
import { ZForgotPassword } from "@/lib/validations/auth";

export async function forgotPasswordAction(formData: FormData): Promise<ActionResult> {
  try {
    await requestPasswordReset(ZForgotPassword.parse(Object.fromEntries(formData)));
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}
