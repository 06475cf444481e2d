import "server-only";
import { prisma } from "@/lib/db/prisma";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { deleteUpload } from "@/lib/server/uploads/delete-upload";
import { savePhoto } from "@/lib/server/uploads/save-photo";
import type { TBrand } from "@/lib/validations/admin/brand";

export type UpdateBrandOptions = { actorId: number; input: TBrand; logo?: Blob | null };

/**
 * Saves the brand (the settings row, created the first time). A new logo is validated and stored
 * like a performer photo before the row changes; the replaced file is deleted only after the commit.
 */
export async function updateBrand({ actorId, input, logo }: UpdateBrandOptions): Promise<void> {
  const newLogo = logo && logo.size > 0 ? await savePhoto({ file: logo, field: "logo" }) : undefined;
  const previous = await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    const row = await tx.setting.findUnique({ where: { id: 1 }, select: { logoPath: true } });
    const logoPath = newLogo ?? (input.removeLogo ? null : (row?.logoPath ?? null));
    const data = { siteName: input.siteName, wallHeadline: input.wallHeadline, accentColor: input.accentColor, adultNotice: input.adultNotice, logoPath };
    await tx.setting.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    return row?.logoPath && row.logoPath !== logoPath ? row.logoPath : null;
  });
  if (previous) await deleteUpload({ publicPath: previous });
}
