import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { deleteUpload } from "@/lib/server/uploads/delete-upload";
import { savePhoto } from "@/lib/server/uploads/save-photo";

export const MAX_PERFORMER_PHOTOS = 12;

export type AddPerformerPhotoOptions = { actorId: number; performerId: number; photo: Blob; uploadDir?: string };

/** Stores a photo and appends it to the performer's photos (the first one is the wall photo). */
export async function addPerformerPhoto({ actorId, performerId, photo, uploadDir }: AddPerformerPhotoOptions): Promise<string> {
  await assertAdmin({ db: prisma, actorId });
  const photoPath = await savePhoto({ file: photo, dir: uploadDir });
  try {
    await prisma.$transaction(async (tx) => {
      await assertAdmin({ db: tx, actorId });
      // One conditional statement: two uploads at once cannot pass the limit together.
      const count = await tx.$executeRaw`
        UPDATE performers SET photos = array_append(photos, ${photoPath})
         WHERE id = ${performerId} AND coalesce(array_length(photos, 1), 0) < ${MAX_PERFORMER_PHOTOS}`;
      if (count === 0) {
        const exists = await tx.performer.count({ where: { id: performerId } });
        if (!exists) throw new AppError("not_found", `Performer ${performerId} does not exist.`);
        throw new AppError("conflict", "Too many photos.", { photo: `At most ${MAX_PERFORMER_PHOTOS} photos; remove one first.` });
      }
    });
  } catch (error) {
    await deleteUpload({ publicPath: photoPath, dir: uploadDir });
    throw error;
  }
  return photoPath;
}
