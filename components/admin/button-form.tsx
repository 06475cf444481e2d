import type { ActionResult } from "@/lib/http/action-result";
import { ActionForm } from "./action-form";
import { SubmitButton } from "./fields";

type ButtonFormProps = {
  action: (formData: FormData) => Promise<ActionResult<unknown>>;
  label: string;
  /** The button's accessible name when the visible label is ambiguous ("Remove" beside each photo). */
  ariaLabel?: string;
  tone?: "primary" | "secondary" | "danger";
  confirm?: string;
  success?: string;
  fields?: Record<string, string>;
};

/** A form that is one button (activate, block, force offline…), with its hidden fields. */
export function ButtonForm({ action, label, ariaLabel, tone = "secondary", confirm, success, fields = {} }: ButtonFormProps) {
  return (
    <ActionForm action={action} confirm={confirm} success={success} className="inline-block">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <SubmitButton tone={tone} aria-label={ariaLabel}>{label}</SubmitButton>
    </ActionForm>
  );
}
