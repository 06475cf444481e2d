import "server-only";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { UPLOAD_NAME, UPLOAD_URL_PREFIX } from "@/lib/uploads/image-type";
import { uploadDir } from "./upload-dir";

export type DeleteUploadOptions = { publicPath: string; dir?: string };

/**
 * Removes an uploaded photo by its public path. Paths that are not ours (the demo's /performers/…
 * files in public/) are left alone; a file already gone is not an error. Called after the database
 * change commits, so a rollback never leaves a row pointing at a deleted file.
 */
export async function deleteUpload({ publicPath, dir }: DeleteUploadOptions): Promise<void> {
  if (!publicPath.startsWith(UPLOAD_URL_PREFIX)) return;
  const name = publicPath.slice(UPLOAD_URL_PREFIX.length);
  if (!UPLOAD_NAME.test(name)) return;
  await unlink(path.join(/*turbopackIgnore: true*/ uploadDir(dir), name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}
