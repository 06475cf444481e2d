"use server";

import { actionError, type ActionResult } from "@/lib/http/action-result";
import { changePassword } from "@/lib/server/accounts/change-password";
import { closeAccount } from "@/lib/server/accounts/close-account";
import { sendVerificationEmail } from "@/lib/server/accounts/send-verification-email";
import { requireUser } from "@/lib/server/auth/current-user";
import { ZChangePassword, ZCloseAccount } from "@/lib/validations/auth";

const ANY_ROLE = ["viewer", "performer", "admin"] as const;

export async function changePasswordAction(formData: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser(ANY_ROLE);
    const input = ZChangePassword.parse(Object.fromEntries(formData));
    await changePassword({ userId: user.id, ...input });
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}

export async function resendVerificationAction(): Promise<ActionResult> {
  try {
    const user = await requireUser(ANY_ROLE);
    await sendVerificationEmail({ userId: user.id });
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}

export async function closeAccountAction(formData: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser(["viewer"]);
    await closeAccount({ userId: user.id, ...ZCloseAccount.parse(Object.fromEntries(formData)) });
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}
