"use server";

import { formAction } from "@/lib/http/form-action";
import { requestPasswordReset } from "@/lib/server/accounts/request-password-reset";
import { ZForgotPassword } from "@/lib/validations/auth";

export const forgotPasswordAction = formAction(ZForgotPassword, requestPasswordReset);
