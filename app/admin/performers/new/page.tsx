import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { FileField, SubmitButton, TextField } from "@/components/admin/fields";
import { PerformerFields } from "@/components/admin/performer-fields";
import { Card, PageTitle } from "@/components/admin/ui";
import { MAX_PHOTO_BYTES } from "@/lib/uploads/image-type";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { createPerformerAction } from "../actions";

export const metadata: Metadata = { title: "New performer · Admin" };

export default async function NewPerformerPage() {
  await requirePageUser(["admin"], "/admin/performers/new");
  return (
    <div className="max-w-3xl space-y-4">
      <PageTitle>New performer</PageTitle>
      <ActionForm action={createPerformerAction} aria-label="New performer" className="space-y-6">
        <Card title="Login" id="login">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="E-mail" name="email" type="email" autoComplete="off" required />
            <TextField label="Username" name="username" autoComplete="off" required hint="Letters, digits and _; shown in the chat." />
            <TextField label="Initial password" name="password" type="password" autoComplete="new-password" required hint="8 characters or more; give it to the performer privately." />
          </div>
        </Card>
        <Card title="Profile" id="profile">
          <PerformerFields />
          <FileField label="Wall photo (optional)" name="photo" maxBytes={MAX_PHOTO_BYTES} hint={`JPEG, PNG or WebP, up to ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`} />
        </Card>
        <SubmitButton pendingText="Creating…">Create performer</SubmitButton>
      </ActionForm>
    </div>
  );
}
