import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { deleteUpload } from "@/lib/server/uploads/delete-upload";
import type { TPhotoChange } from "@/lib/validations/admin/performer";

export type ChangePerformerPhotoOptions = TPhotoChange & { actorId: number; performerId: number; uploadDir?: string };

/** Removes a photo (and its file, after the commit) or makes it the first one, i.e. the wall photo. */
export async function changePerformerPhoto({ actorId, performerId, photo, change, uploadDir }: ChangePerformerPhotoOptions): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await assertAdmin({ db: tx, actorId });
    const rows = await tx.$queryRaw<{ photos: string[] }[]>`SELECT photos FROM performers WHERE id = ${performerId} FOR NO KEY UPDATE`;
    const photos = rows[0]?.photos;
    if (!photos) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
    if (!photos.includes(photo)) throw new AppError("not_found", "That photo is not on this profile any more.");
    const rest = photos.filter((p) => p !== photo);
    await tx.performer.update({ where: { id: performerId }, data: { photos: change === "primary" ? [photo, ...rest] : rest } });
  });
  if (change === "remove") await deleteUpload({ publicPath: photo, dir: uploadDir });
}
