"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { safeCallbackPath } from "@/lib/http/safe-callback-path";
import { Field } from "./field";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(formData: FormData) {
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (result?.ok) {
      // A full navigation, so the server-rendered header picks up the new session.
      window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
    } else {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong e-mail or password.");
    }
  }

  return (
    <form action={submit} className="space-y-4" noValidate>
      <Field label="E-mail" name="email" type="email" autoComplete="email" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      {error && <p role="alert" className="rounded bg-red-950 p-2 text-sm text-red-300">{error}</p>}
      <button disabled={pending} className="w-full rounded bg-pink-600 py-2 font-medium text-white hover:bg-pink-500 disabled:opacity-60">
        {pending ? "Logging in…" : "Log in"}
      </button>
      <p className="text-sm text-slate-400">
        No account? <Link className="underline" href="/signup">Sign up</Link> · <Link className="underline" href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  );
}
