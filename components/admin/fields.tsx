"use client";

import { useId, type ReactNode } from "react";
import { useFieldError, useFormPending } from "./action-form";

const INPUT =
  "w-full rounded border border-slate-700 bg-slate-900 px-3 py-2 text-slate-100 focus:border-pink-500 focus:outline-none aria-[invalid=true]:border-red-500";

type Common = { label: string; name: string; hint?: string; required?: boolean };

function Wrap({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {children}
      {hint && <p id={`${id}-hint`} className="text-xs text-slate-400">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-red-400">{error}</p>}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

type TextFieldProps = Common & {
  type?: "text" | "email" | "password" | "number" | "date" | "search";
  defaultValue?: string | number;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "text" | "email";
  placeholder?: string;
};

export function TextField({ label, name, hint, required, type = "text", defaultValue, autoComplete, inputMode, placeholder }: TextFieldProps) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <input
        id={id} name={name} type={type} defaultValue={defaultValue} required={required} autoComplete={autoComplete} inputMode={inputMode}
        placeholder={placeholder} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={INPUT}
      />
    </Wrap>
  );
}

export function TextAreaField({ label, name, hint, required, defaultValue, rows = 4, mono }: Common & { defaultValue?: string; rows?: number; mono?: boolean }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id} name={name} defaultValue={defaultValue} required={required} rows={rows} spellCheck={mono ? false : undefined}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`${INPUT} ${mono ? "font-mono text-sm" : ""}`}
      />
    </Wrap>
  );
}

export function SelectField({ label, name, hint, defaultValue, options }: Common & { defaultValue?: string; options: readonly { value: string; label: string }[] }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={INPUT}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrap>
  );
}

export function FileField({ label, name, hint, required, maxBytes }: Common & { maxBytes?: number }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <input
        id={id} name={name} type="file" accept="image/jpeg,image/png,image/webp" required={required} data-max-bytes={maxBytes}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
        className="block w-full text-sm text-slate-300 file:mr-3 file:rounded file:border-0 file:bg-slate-700 file:px-3 file:py-2 file:text-slate-100 hover:file:bg-slate-600"
      />
    </Wrap>
  );
}

export function CheckboxField({ label, name, hint, defaultChecked }: Omit<Common, "required"> & { defaultChecked?: boolean }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
        <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={describedBy(id, hint, error)} className="h-4 w-4 accent-pink-600" />
        {label}
      </label>
      {hint && <p id={`${id}-hint`} className="text-xs text-slate-400">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-red-400">{error}</p>}
    </div>
  );
}

const BUTTON = {
  primary: "bg-pink-600 text-white hover:bg-pink-500",
  secondary: "border border-slate-600 text-slate-100 hover:bg-slate-800",
  danger: "bg-red-700 text-white hover:bg-red-600",
} as const;

type SubmitButtonProps = { children: ReactNode; tone?: keyof typeof BUTTON; pendingText?: string; "aria-label"?: string };

export function SubmitButton({ children, tone = "primary", pendingText, ...rest }: SubmitButtonProps) {
  const pending = useFormPending();
  return (
    <button
      type="submit" disabled={pending} aria-busy={pending || undefined} aria-label={rest["aria-label"]}
      className={`rounded px-4 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-pink-400 disabled:opacity-60 ${BUTTON[tone]}`}
    >
      {pending ? (pendingText ?? "Working…") : children}
    </button>
  );
}
