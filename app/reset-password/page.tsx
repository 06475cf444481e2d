import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <ActionForm action={resetPasswordAction} aria-label="New password" className="space-y-4" success="Your password is changed. You can log in with it now.">
        <input type="hidden" name="token" value={typeof token === "string" ? token : ""} />
        <TextField label="New password (8 characters or more)" name="password" type="password" autoComplete="new-password" required />
        <SubmitButton pendingText="Saving…">Save my new password</SubmitButton>
      </ActionForm>
      <p className="text-sm text-slate-400"><Link className="underline" href="/login">Log in</Link> · <Link className="underline" href="/forgot-password">Ask for a new link</Link></p>
    </div>
  );
}
