import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { detectImageType, MAX_PHOTO_BYTES, stripJpegMetadata, UPLOAD_URL_PREFIX } from "@/lib/uploads/image-type";
import { uploadDir } from "./upload-dir";

export type SavePhotoOptions = {
  file: Blob;
  /** The form field the errors name. */
  field?: string;
  /** Defaults to UPLOAD_DIR. */
  dir?: string;
};

/**
 * Validates an uploaded photo by size and magic bytes and stores it under a random name, returning
 * its public path (/uploads/<name>). The name never comes from the uploader, so it cannot traverse
 * folders, overwrite another file (`wx`) or choose how the file is served.
 */
export async function savePhoto({ file, field = "photo", dir }: SavePhotoOptions): Promise<string> {
  if (file.size === 0) throw new AppError("invalid_request", "Choose a photo.", { [field]: "The file is empty." });
  if (file.size > MAX_PHOTO_BYTES) {
    throw new AppError("payload_too_large", "The photo is too large.", { [field]: `At most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.` });
  }
  let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer());
  const ext = detectImageType(bytes);
  if (!ext) throw new AppError("invalid_request", "That file is not a photo we accept.", { [field]: "Only JPEG, PNG or WebP images." });
  if (ext === "jpg") bytes = stripJpegMetadata(bytes);
  const folder = uploadDir(dir);
  await mkdir(folder, { recursive: true });
  const name = `${randomBytes(16).toString("hex")}.${ext}`;
  await writeFile(path.join(/*turbopackIgnore: true*/ folder, name), bytes, { flag: "wx", mode: 0o644 });
  return `${UPLOAD_URL_PREFIX}${name}`;
}
