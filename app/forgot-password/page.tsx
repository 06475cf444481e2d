import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import { mailEnabled } from "@/lib/server/mail/send-mail";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      {mailEnabled() ? (
        <ActionForm
          action={forgotPasswordAction} aria-label="Password reset" className="space-y-4"
          success="If an account uses this address, we sent it a link to choose a new password. It works for one hour."
        >
          <TextField label="E-mail" name="email" type="email" autoComplete="email" required />
          <SubmitButton pendingText="Sending…">Send me a reset link</SubmitButton>
        </ActionForm>
      ) : (
        <p role="status" className="rounded border border-slate-700 p-3 text-sm text-slate-300">
          This site does not send e-mail, so passwords cannot be reset by link. Contact the site&apos;s support.
        </p>
      )}
      <p className="text-sm text-slate-400"><Link className="underline" href="/login">Back to log in</Link></p>
    </div>
  );
}
