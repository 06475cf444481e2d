"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formFields } from "@/lib/http/form-fields";
import { withAdmin } from "@/lib/http/with-admin";
import { createPack } from "@/lib/server/packs/create-pack";
import { deletePack } from "@/lib/server/packs/delete-pack";
import { setPackActive } from "@/lib/server/packs/set-pack-active";
import { updatePack } from "@/lib/server/packs/update-pack";
import { ZCreditPack } from "@/lib/validations/admin/credit-pack";
import { zId } from "@/lib/validations/admin/fields";

function refresh(packId?: number) {
  revalidatePath("/admin/packs");
  if (packId) revalidatePath(`/admin/packs/${packId}`);
}

export async function createPackAction(formData: FormData) {
  return withAdmin(async (admin) => {
    const pack = await createPack({ actorId: admin.id, input: ZCreditPack.parse(formFields(formData)) });
    refresh();
    return pack;
  });
}

export async function updatePackAction(packId: number, formData: FormData) {
  return withAdmin(async (admin) => {
    const id = zId.parse(packId);
    await updatePack({ actorId: admin.id, packId: id, input: ZCreditPack.parse(formFields(formData)) });
    refresh(id);
  });
}

export async function setPackActiveAction(packId: number, active: boolean) {
  return withAdmin(async (admin) => {
    const id = zId.parse(packId);
    await setPackActive({ actorId: admin.id, packId: id, active: z.boolean().parse(active) });
    refresh(id);
  });
}

export async function deletePackAction(packId: number) {
  return withAdmin(async (admin) => {
    await deletePack({ actorId: admin.id, packId: zId.parse(packId) });
    refresh();
  });
}
