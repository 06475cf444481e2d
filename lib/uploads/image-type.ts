// Uploaded photos are recognised by their first bytes, never by the name or the browser's declared
// type (both are the uploader's to choose). Only the three formats every browser shows are accepted.

export type ImageExt = "jpg" | "png" | "webp";

export const IMAGE_MIME: Record<ImageExt, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" };

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Stored names are 32 random hex digits and the detected extension: nothing else is ever served. */
export const UPLOAD_NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

export const UPLOAD_URL_PREFIX = "/uploads/";

export function detectImageType(bytes: Uint8Array): ImageExt | null {
  const starts = (signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
  if (bytes.length >= 4 && starts([0xff, 0xd8, 0xff])) return "jpg";
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  // RIFF <size> WEBP
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

/**
 * Drops a JPEG's APP1 (EXIF/XMP: camera, time and often GPS position) and APP13 (IPTC) segments, so a
 * performer's photo never tells viewers where it was taken. Stops at the first scan; returns the input
 * unchanged if the structure is not what it expects.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return bytes;
    const marker = bytes[at + 1]!;
    // Start of scan: the rest is image data, kept whole.
    if (marker === 0xda) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return bytes;
    if (marker !== 0xe1 && marker !== 0xed) parts.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  parts.push(bytes.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
