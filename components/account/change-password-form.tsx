"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";
import { changePasswordAction } from "@/app/account/settings/actions";
import { Field } from "@/components/auth/field";

/**
 * A new password ends every session of the account (a stolen cookie dies with the old password), so
 * this browser signs in again with the new one right away.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const [result, setResult] = useState<{ ok: boolean; message: string; fields?: Record<string, string> }>();
  const [pending, startTransition] = useTransition();
  // Submitted by hand, not as a form action: React resets a form action's fields, and a refused
  // attempt must keep what was typed.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await changePasswordAction(formData);
      if (!outcome.ok) {
        setResult({ ok: false, message: outcome.message, fields: outcome.fields });
        return;
      }
      await signIn("credentials", { email, password: String(formData.get("newPassword") ?? ""), redirect: false });
      setResult({ ok: true, message: "Your password is changed. Other devices are signed out." });
    });
  }
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Change password" noValidate>
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={result?.fields?.currentPassword} />
      <Field label="New password (8 characters or more)" name="newPassword" type="password" autoComplete="new-password" error={result?.fields?.newPassword} />
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`rounded p-2 text-sm ${result.ok ? "bg-green-950 text-green-300" : "bg-red-950 text-red-300"}`}>
          {result.message}
        </p>
      )}
      <button disabled={pending} className="rounded bg-pink-600 px-4 py-2 text-sm font-medium text-white hover:bg-pink-500 disabled:opacity-60">
        {pending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
