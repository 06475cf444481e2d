"use client";

import { createContext, useContext, useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";

type FormState = { errors: Record<string, string>; pending: boolean };

const FormContext = createContext<FormState>({ errors: {}, pending: false });

/** The error the last submit gave this field, if any (read by the field components). */
export function useFieldError(name: string): string | undefined {
  return useContext(FormContext).errors[name];
}

export function useFormPending(): boolean {
  return useContext(FormContext).pending;
}

type ActionFormProps = {
  action: (formData: FormData) => Promise<ActionResult<unknown>>;
  children: ReactNode;
  /** Shown (role=status) after a successful submit. */
  success?: string;
  /** Asked with confirm() before submitting, for actions that are hard to undo. */
  confirm?: string;
  resetOnSuccess?: boolean;
  className?: string;
  "aria-label"?: string;
  "data-testid"?: string;
};

// Every admin form: submits to a server action, shows its message and field errors, and keeps what was
// typed when the action refuses it (the form is submitted by hand rather than as a form action, which
// React would reset whatever the outcome). While a submit runs the button is disabled; a double submit
// that gets through anyway is harmless because the actions that need it carry an idempotency key.
export function ActionForm({ action, children, success, confirm, resetOnSuccess, className, ...rest }: ActionFormProps) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (confirm && !window.confirm(confirm)) return;
    const form = event.currentTarget;
    const tooLarge = oversizedFile(form);
    if (tooLarge) {
      setResult(tooLarge);
      return;
    }
    const data = new FormData(form);
    startTransition(async () => {
      let next: ActionResult<unknown> | undefined;
      try {
        next = await action(data);
      } catch {
        // The request itself failed (connection lost, or a body the server refused before the action ran).
        setResult({ ok: false, message: "The form could not be sent. Check the files and try again." });
        return;
      }
      // An action that redirects (create → edit page) resolves with nothing: the navigation is the answer.
      if (!next) return;
      setResult(next);
      if (next.ok && resetOnSuccess) form.reset();
    });
  }

  const errors = result && !result.ok ? (result.fields ?? {}) : {};
  return (
    <form onSubmit={submit} noValidate className={className} aria-label={rest["aria-label"]} data-testid={rest["data-testid"]}>
      <FormContext.Provider value={{ errors, pending }}>{children}</FormContext.Provider>
      {result && !result.ok && (
        <p role="alert" className="mt-3 rounded bg-red-950 p-2 text-sm text-red-300">{result.message}</p>
      )}
      {result?.ok && success && (
        <p role="status" className="mt-3 rounded bg-green-950 p-2 text-sm text-green-300">{success}</p>
      )}
    </form>
  );
}

/**
 * A file input marked with data-max-bytes holding a bigger file: refused here, with the limit, before
 * megabytes are sent for the server to refuse (the server checks again: lib/server/uploads/save-photo.ts).
 */
function oversizedFile(form: HTMLFormElement): ActionResult<never> | null {
  for (const input of form.querySelectorAll<HTMLInputElement>("input[type=file][data-max-bytes]")) {
    const max = Number(input.dataset.maxBytes);
    const file = [...(input.files ?? [])].find((f) => f.size > max);
    if (file) {
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
      return { ok: false, code: "payload_too_large", message: "The file is too large.", fields: { [input.name]: `At most ${mb(max)}; this file is ${mb(file.size)}.` } };
    }
  }
  return null;
}
