import { ActionForm } from "@/components/admin/action-form";
import { SubmitButton, TextField } from "@/components/admin/fields";
import type { ActionResult } from "@/lib/http/action-result";
import { MAX_TAGS } from "@/lib/performers/tags";

/** The wall tags of a performer, as one comma-separated field (studio and admin). */
export function TagsForm({ action, tags }: { action: (formData: FormData) => Promise<ActionResult<unknown>>; tags: string[] }) {
  return (
    <ActionForm action={action} success="Tags saved." aria-label="Tags" className="space-y-3">
      <TextField
        label="Tags" name="tags" defaultValue={tags.join(", ")} placeholder="e.g. music, chat, cosplay"
        hint={`Up to ${MAX_TAGS}, separated by commas: viewers filter the wall by them.`}
      />
      <SubmitButton pendingText="Saving…">Save tags</SubmitButton>
    </ActionForm>
  );
}
