import { TextAreaField, TextField } from "./fields";

type Profile = { displayName: string; slug: string; bio: string; ratePerMinute: number; benefitPercent: string };

/** The profile fields shared by the create and edit forms. */
export function PerformerFields({ profile }: { profile?: Profile }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Display name" name="displayName" required defaultValue={profile?.displayName} />
      <TextField label="Slug (room address)" name="slug" required defaultValue={profile?.slug} hint="Lowercase letters, digits and dashes: /performers/<slug>." />
      <TextField label="Rate per minute (credits)" name="ratePerMinute" type="number" inputMode="numeric" required defaultValue={profile?.ratePerMinute ?? 30} />
      <TextField label="Performer's share (%)" name="benefitPercent" inputMode="decimal" required defaultValue={profile?.benefitPercent ?? "60"} hint="Of each tip and show's price, 0–100." />
      <div className="sm:col-span-2">
        <TextAreaField label="Bio" name="bio" defaultValue={profile?.bio} rows={3} />
      </div>
    </div>
  );
}
