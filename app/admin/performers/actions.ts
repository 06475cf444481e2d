"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { formFields, formFile } from "@/lib/http/form-fields";
import { withAdmin } from "@/lib/http/with-admin";
import { addPerformerPhoto } from "@/lib/server/performers/add-performer-photo";
import { changePerformerPhoto } from "@/lib/server/performers/change-performer-photo";
import { createPerformer } from "@/lib/server/performers/create-performer";
import { forcePerformerOffline } from "@/lib/server/performers/force-performer-offline";
import { setPerformerDisabled } from "@/lib/server/performers/set-performer-disabled";
import { setPerformerTags } from "@/lib/server/performers/set-performer-tags";
import { updatePerformer } from "@/lib/server/performers/update-performer";
import { setPriceBounds } from "@/lib/server/prices/set-price-bounds";
import { zId } from "@/lib/validations/admin/fields";
import { ZCreatePerformer, ZPerformerProfile, ZPhotoChange } from "@/lib/validations/admin/performer";
import { ZPerformerTags } from "@/lib/validations/performer-tags";
import { ZPerformerBounds } from "@/lib/validations/prices";

function refresh(performerId?: number) {
  revalidatePath("/admin/performers");
  if (performerId) revalidatePath(`/admin/performers/${performerId}`);
}

export async function createPerformerAction(formData: FormData) {
  const result = await withAdmin((admin) =>
    createPerformer({ actorId: admin.id, input: ZCreatePerformer.parse(formFields(formData)), photo: formFile(formData, "photo") }),
  );
  if (!result.ok) return result;
  refresh();
  redirect(`/admin/performers/${result.data.id}?created=1`);
}

export async function updatePerformerAction(performerId: number, formData: FormData) {
  return withAdmin(async (admin) => {
    const id = zId.parse(performerId);
    await updatePerformer({ actorId: admin.id, performerId: id, input: ZPerformerProfile.parse(formFields(formData)) });
    refresh(id);
  });
}

export async function setPerformerDisabledAction(performerId: number, disabled: boolean) {
  return withAdmin(async (admin) => {
    const id = zId.parse(performerId);
    await setPerformerDisabled({ actorId: admin.id, performerId: id, disabled: z.boolean().parse(disabled) });
    refresh(id);
  });
}

export async function forceOfflineAction(performerId: number) {
  return withAdmin(async (admin) => {
    const id = zId.parse(performerId);
    await forcePerformerOffline({ actorId: admin.id, performerId: id });
    refresh(id);
  });
}

export async function addPhotoAction(performerId: number, formData: FormData) {
  return withAdmin(async (admin) => {
    const id = zId.parse(performerId);
    const photo = formFile(formData, "photo");
    if (!photo) throw new AppError("invalid_request", "Choose a photo to upload.", { photo: "Choose a photo." });
    await addPerformerPhoto({ actorId: admin.id, performerId: id, photo });
    refresh(id);
  });
}

export async function changePhotoAction(performerId: number, formData: FormData) {
  return withAdmin(async (admin) => {
    const id = zId.parse(performerId);
    await changePerformerPhoto({ actorId: admin.id, performerId: id, ...ZPhotoChange.parse(formFields(formData)) });
    refresh(id);
  });
}

export async function setPerformerTagsAction(performerId: number, formData: FormData) {
  return withAdmin(async (admin) => {
    const id = zId.parse(performerId);
    const { tags } = ZPerformerTags.parse(formFields(formData));
    await setPerformerTags({ performerId: id, tags, actor: admin });
    refresh(id);
  });
}

export async function setPerformerBoundsAction(performerId: number, formData: FormData) {
  return withAdmin(async (admin) => {
    const id = zId.parse(performerId);
    await setPriceBounds({ actorId: admin.id, performerId: id, bounds: ZPerformerBounds.parse(formFields(formData)) });
    refresh(id);
  });
}
