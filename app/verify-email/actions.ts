"use server";

import { actionError, type ActionResult } from "@/lib/http/action-result";
import { verifyEmail } from "@/lib/server/accounts/verify-email";
import { ZVerifyEmail } from "@/lib/validations/auth";

export async function verifyEmailAction(formData: FormData): Promise<ActionResult> {
  try {
    await verifyEmail(ZVerifyEmail.parse(Object.fromEntries(formData)));
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}
