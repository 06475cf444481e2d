import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { deleteUpload } from "@/lib/server/uploads/delete-upload";
import { savePhoto } from "@/lib/server/uploads/save-photo";

/** A wall snapshot is a small JPEG (the studio sends about 320×240); anything bigger is refused. */
export const MAX_PREVIEW_BYTES = 300 * 1024;

/**
 * Stores the performer's latest camera snapshot for the wall, like a photo (checked by its bytes,
 * random name, served from /uploads), and deletes the one it replaces after the commit.
 */
export async function savePreview({ userId, image }: { userId: number; image: Blob }): Promise<{ previewPath: string }> {
  if (image.size > MAX_PREVIEW_BYTES) throw new AppError("payload_too_large", `A snapshot is at most ${MAX_PREVIEW_BYTES / 1024} KiB.`);
  const performer = await prisma.performer.findUnique({ where: { userId }, select: { id: true } });
  if (!performer) throw new AppError("forbidden", "Only performers send snapshots.");
  const previewPath = await savePhoto({ file: image, field: "preview" });
  const previous = await prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ preview_path: string | null }[]>`
      SELECT preview_path FROM performers WHERE id = ${performer.id} FOR NO KEY UPDATE`;
    await tx.performer.update({ where: { id: performer.id }, data: { previewPath, previewAt: new Date() } });
    return row?.preview_path ?? null;
  });
  if (previous) await deleteUpload({ publicPath: previous });
  return { previewPath };
}
