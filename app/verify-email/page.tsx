import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton } from "@/components/admin/fields";
import { verifyEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your e-mail", referrer: "no-referrer" };

// Confirming takes a click, not just the page load: mail scanners that open every link must not
// use the token up on the user's behalf.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Confirm your e-mail</h1>
      <ActionForm action={verifyEmailAction} aria-label="Confirm e-mail" className="space-y-4" success="Thank you: your e-mail address is confirmed.">
        <input type="hidden" name="token" value={typeof token === "string" ? token : ""} />
        <SubmitButton pendingText="Confirming…">Confirm my e-mail address</SubmitButton>
      </ActionForm>
    </div>
  );
}
