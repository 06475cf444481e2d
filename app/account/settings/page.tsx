import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { CloseAccountForm } from "@/components/account/close-account-form";
import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton } from "@/components/admin/fields";
import { Card } from "@/components/admin/ui";
import { getEmailStatus } from "@/lib/server/accounts/get-email-status";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { mailEnabled } from "@/lib/server/mail/send-mail";
import { resendVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const user = await requirePageUser(["viewer", "performer", "admin"], "/account/settings");
  const { verified } = await getEmailStatus({ userId: user.id });
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm"><Link className="underline" href="/account">← My account</Link></p>
      <h1 className="text-2xl font-bold">Account settings</h1>
      <Card title="E-mail" id="email">
        <p className="text-sm">
          <span data-testid="account-email">{user.email}</span>{" "}
          {verified ? (
            <span className="text-green-300" data-testid="email-status">confirmed</span>
          ) : (
            <span className="text-amber-300" data-testid="email-status">not confirmed yet</span>
          )}
        </p>
        {!verified && mailEnabled() && (
          <ActionForm action={resendVerificationAction} aria-label="Resend confirmation" success="We sent you a new confirmation link." className="mt-3">
            <SubmitButton tone="secondary" pendingText="Sending…">Send the confirmation link again</SubmitButton>
          </ActionForm>
        )}
      </Card>
      <Card title="Change password" id="password">
        <ChangePasswordForm email={user.email} />
      </Card>
      {user.role === "viewer" && (
        <Card title="Close account" id="close">
          <p className="mb-3 text-sm text-slate-300">
            You will not be able to log in again. Unspent credits are not refunded automatically; your history is kept for the site&apos;s books.
          </p>
          <CloseAccountForm />
        </Card>
      )}
    </div>
  );
}
