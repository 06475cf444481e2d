import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/db/prisma";
import { isUniqueViolation } from "@/lib/errors";
import { assertAdmin } from "@/lib/server/admin/assert-admin";
import { deleteUpload } from "@/lib/server/uploads/delete-upload";
import { savePhoto } from "@/lib/server/uploads/save-photo";
import type { TCreatePerformer } from "@/lib/validations/admin/performer";
import { notifyWallStatus } from "./notify-wall-status";
import { performerConflict } from "./performer-conflict";

export type CreatePerformerOptions = {
  actorId: number;
  input: TCreatePerformer;
  /** Optional first photo (the wall shows photos[0]). */
  photo?: Blob;
  uploadDir?: string;
};

/**
 * Creates a performer's login and profile together: one transaction, so a taken e-mail, username or
 * slug leaves neither behind. The photo is checked and stored first (a bad file refuses the whole
 * form) and removed again if the rows are not created.
 */
export async function createPerformer({ actorId, input, photo, uploadDir }: CreatePerformerOptions): Promise<{ id: number; userId: number }> {
  await assertAdmin({ db: prisma, actorId });
  const passwordHash = await bcrypt.hash(input.password, 10);
  const photoPath = photo ? await savePhoto({ file: photo, dir: uploadDir }) : undefined;
  try {
    return await prisma.$transaction(async (tx) => {
      await assertAdmin({ db: tx, actorId });
      const user = await tx.user.create({
        data: { email: input.email, username: input.username, passwordHash, role: "performer", avatar: photoPath },
        select: { id: true },
      });
      const performer = await tx.performer.create({
        data: {
          userId: user.id, displayName: input.displayName, slug: input.slug, bio: input.bio, ratePerMinute: input.ratePerMinute,
          benefitPercent: input.benefitPercent, photos: photoPath ? [photoPath] : [], status: "offline",
        },
        select: { id: true },
      });
      // Open walls do not know this performer: the event makes them fetch a fresh snapshot.
      await notifyWallStatus(tx, [{ performerId: performer.id, status: "offline" }]);
      return { id: performer.id, userId: user.id };
    });
  } catch (error) {
    if (photoPath) await deleteUpload({ publicPath: photoPath, dir: uploadDir });
    if (isUniqueViolation(error)) throw performerConflict(error);
    throw error;
  }
}
