"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";
import { closeAccountAction } from "@/app/account/settings/actions";
import { Field } from "@/components/auth/field";

/** Closing is final, so it asks for the password and a confirmation, then signs the browser out. */
export function CloseAccountForm() {
  const [error, setError] = useState<{ message: string; password?: string }>();
  const [pending, startTransition] = useTransition();
  // Submitted by hand, not as a form action: React resets a form action's fields, and a refused
  // attempt must keep what was typed.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    if (!window.confirm("Close your account for good? You will not be able to log in again.")) return;
    startTransition(async () => {
      const result = await closeAccountAction(formData);
      if (result.ok) {
        await signOut({ callbackUrl: "/?notice=account_closed" });
        return;
      }
      setError({ message: result.message, password: result.fields?.password });
    });
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Close account" noValidate>
      <Field label="Your password" name="password" type="password" autoComplete="current-password" error={error?.password} />
      {error && <p role="alert" className="rounded bg-red-950 p-2 text-sm text-red-300">{error.message}</p>}
      <button disabled={pending} className="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-600 disabled:opacity-60">
        {pending ? "Closing…" : "Close my account"}
      </button>
    </form>
  );
}
