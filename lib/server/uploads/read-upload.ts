import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { IMAGE_MIME, UPLOAD_NAME, type ImageExt } from "@/lib/uploads/image-type";
import { uploadDir } from "./upload-dir";

export type ReadUploadOptions = { name: string; dir?: string };

export type Upload = { bytes: Uint8Array; contentType: string };

/** An uploaded photo by its stored name, or null. Anything but a name savePhoto could have made is null. */
export async function readUpload({ name, dir }: ReadUploadOptions): Promise<Upload | null> {
  const match = UPLOAD_NAME.exec(name);
  if (!match) return null;
  try {
    const bytes = await readFile(path.join(/*turbopackIgnore: true*/ uploadDir(dir), name));
    return { bytes: new Uint8Array(bytes), contentType: IMAGE_MIME[match[1] as ImageExt] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
