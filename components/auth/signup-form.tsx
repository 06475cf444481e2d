"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signUpAction } from "@/app/signup/actions";
import { Field } from "./field";

export function SignUpForm() {
  const [message, setMessage] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function submit(formData: FormData) {
    setPending(true);
    const result = await signUpAction(formData);
    if (!result.ok) {
      setPending(false);
      setMessage(result.message);
      setFields(result.fields ?? {});
      return;
    }
    await signIn("credentials", { email: formData.get("email"), password: formData.get("password"), redirect: false });
    router.replace("/");
    router.refresh();
  }

  return (
    <form action={submit} className="space-y-4" noValidate>
      <Field label="E-mail" name="email" type="email" autoComplete="email" error={fields.email} />
      <Field label="Username" name="username" autoComplete="username" error={fields.username} />
      <Field label="Password (8 characters or more)" name="password" type="password" autoComplete="new-password" error={fields.password} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Gender</legend>
        <div className="flex gap-4 text-sm">
          {["male", "female", "other"].map((g) => (
            <label key={g} className="flex items-center gap-1"><input type="radio" name="gender" value={g} defaultChecked={g === "other"} /> {g}</label>
          ))}
        </div>
        {fields.gender && <p className="text-sm text-red-400">{fields.gender}</p>}
      </fieldset>
      {message && <p role="alert" className="rounded bg-red-950 p-2 text-sm text-red-300">{message}</p>}
      <button disabled={pending} className="w-full rounded bg-pink-600 py-2 font-medium text-white hover:bg-pink-500 disabled:opacity-60">
        {pending ? "Creating…" : "Sign up"}
      </button>
    </form>
  );
}
