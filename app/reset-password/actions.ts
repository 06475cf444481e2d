"use server";

import { formAction } from "@/lib/http/form-action";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { ZResetPassword } from "@/lib/validations/auth";

export const resetPasswordAction = formAction(ZResetPassword, resetPassword);
