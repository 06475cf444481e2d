import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { ButtonForm } from "@/components/admin/button-form";
import { FileField, SubmitButton } from "@/components/admin/fields";
import { PerformerFields } from "@/components/admin/performer-fields";
import { PriceBoundsFields } from "@/components/admin/price-bounds-fields";
import { Badge, Card, LINK, PageTitle } from "@/components/admin/ui";
import { flatParams, type SearchParams } from "@/lib/admin/search-params";
import { AppError } from "@/lib/errors";
import { routeId } from "@/lib/http/route-params";
import { requirePageUser } from "@/lib/server/auth/current-user";
import { MAX_PERFORMER_PHOTOS } from "@/lib/server/performers/add-performer-photo";
import { getAdminPerformer } from "@/lib/server/performers/get-admin-performer";
import { getPriceBounds } from "@/lib/server/prices/get-price-bounds";
import { MAX_PHOTO_BYTES } from "@/lib/uploads/image-type";
import { TagsForm } from "@/components/performers/tags-form";
import { addPhotoAction, changePhotoAction, forceOfflineAction, setPerformerBoundsAction, setPerformerDisabledAction, setPerformerTagsAction, updatePerformerAction } from "../actions";

export const metadata: Metadata = { title: "Performer · Admin" };

export default async function AdminPerformerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  await requirePageUser(["admin"], `/admin/performers/${id}`);
  const performerId = routeId(id);
  if (performerId === null) notFound();
  const performer = await getAdminPerformer({ performerId }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [{ created }, bounds] = await Promise.all([flatParams(searchParams), getPriceBounds({ performerId })]);
  return (
    <div className="space-y-6">
      <PageTitle>{performer.displayName}</PageTitle>
      {created && <p role="status" className="rounded bg-green-950 p-2 text-sm text-green-300">Performer created. They can sign in with the e-mail and password you chose.</p>}

      <Card title="Account" id="account">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>{performer.email} · {performer.username}</span>
          <Badge tone={performer.status === "online" ? "green" : performer.status === "busy" ? "yellow" : "slate"}>{performer.status}</Badge>
          {performer.disabled && <Badge tone="red">disabled</Badge>}
          {performer.openRequests > 0 && <span className="text-slate-400">{performer.openRequests} request(s) waiting</span>}
        </p>
        <div className="flex flex-wrap gap-2">
          {performer.status !== "offline" && (
            <ButtonForm action={forceOfflineAction.bind(null, performer.id)} label="Force offline" confirm="Take this performer offline now? A running private show ends." />
          )}
          {performer.disabled ? (
            <ButtonForm action={setPerformerDisabledAction.bind(null, performer.id, false)} label="Enable" tone="primary" />
          ) : (
            <ButtonForm
              action={setPerformerDisabledAction.bind(null, performer.id, true)} label="Disable" tone="danger"
              confirm="Disable this performer? They leave the wall, cannot sign in, and a running show ends."
            />
          )}
        </div>
        <p className="text-sm">
          <Link className={LINK} href={`/admin/users/${performer.userId}`}>User account</Link> ·{" "}
          <Link className={LINK} href={`/admin/reports?performerId=${performer.id}`}>Earnings and payouts</Link>
          {!performer.disabled && <> · <Link className={LINK} href={`/performers/${performer.slug}`}>Room</Link></>}
        </p>
      </Card>

      <Card title="Profile" id="profile">
        <ActionForm action={updatePerformerAction.bind(null, performer.id)} success="Saved." aria-label="Profile" className="space-y-4">
          <PerformerFields profile={performer} />
          <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
        </ActionForm>
      </Card>

      <Card title="Wall tags" id="tags">
        <TagsForm action={setPerformerTagsAction.bind(null, performer.id)} tags={performer.tags} />
      </Card>

      <Card title="Price limits" id="price-limits">
        <p className="text-sm text-slate-400">Overrides of the site&apos;s limits for this performer; leave a pair empty to use the site&apos;s (shown greyed).</p>
        <ActionForm action={setPerformerBoundsAction.bind(null, performer.id)} success="Price limits saved." aria-label="Price limits" className="space-y-4">
          <PriceBoundsFields values={bounds.overrides} placeholders={bounds.site} />
          <SubmitButton pendingText="Saving…">Save price limits</SubmitButton>
        </ActionForm>
      </Card>

      <Card title="Photos" id="photos">
        <p className="text-sm text-slate-400">The first photo is the one on the wall.</p>
        {performer.photos.length > 0 && (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="performer-photos">
            {performer.photos.map((photo, index) => (
              <li key={photo} className="space-y-2">
                <div className="relative aspect-[3/4] overflow-hidden rounded bg-slate-800">
                  <Image src={photo} alt={`Photo ${index + 1} of ${performer.displayName}`} fill sizes="(max-width: 640px) 50vw, 200px" className="object-cover" />
                </div>
                <div className="flex flex-wrap gap-1">
                  {index > 0 && (
                    <ButtonForm action={changePhotoAction.bind(null, performer.id)} label="Wall photo" ariaLabel={`Make photo ${index + 1} the wall photo`} fields={{ photo, change: "primary" }} />
                  )}
                  <ButtonForm
                    action={changePhotoAction.bind(null, performer.id)} label="Remove" ariaLabel={`Remove photo ${index + 1}`} tone="danger"
                    confirm="Remove this photo?" fields={{ photo, change: "remove" }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        {performer.photos.length < MAX_PERFORMER_PHOTOS && (
          <ActionForm action={addPhotoAction.bind(null, performer.id)} resetOnSuccess success="Photo added." aria-label="Photo upload" className="space-y-3">
            <FileField label="Add a photo" name="photo" maxBytes={MAX_PHOTO_BYTES} hint={`JPEG, PNG or WebP, up to ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`} />
            <SubmitButton pendingText="Uploading…">Upload</SubmitButton>
          </ActionForm>
        )}
      </Card>
    </div>
  );
}
