"use server";

import { actionError, type ActionResult } from "@/lib/http/action-result";
import { sendVerificationEmail } from "@/lib/server/accounts/send-verification-email";
import { signUpViewer } from "@/lib/server/auth/sign-up";
import { ZSignUp } from "@/lib/validations/auth";

export async function signUpAction(formData: FormData): Promise<ActionResult> {
  try {
    const input = ZSignUp.parse(Object.fromEntries(formData));
    const { id } = await signUpViewer(input);
    await sendVerificationEmail({ userId: id });
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}
