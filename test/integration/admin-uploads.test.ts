import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readUpload } from "@/lib/server/uploads/read-upload";
import { savePhoto } from "@/lib/server/uploads/save-photo";
import { detectImageType, MAX_PHOTO_BYTES, stripJpegMetadata } from "@/lib/uploads/image-type";
import { blob, jpegBytes, pngBytes, webpBytes } from "@/test/helpers/admin";

// The route reads UPLOAD_DIR through lib/env.ts, which each test file loads fresh.
const uploadDir = mkdtempSync(path.join(tmpdir(), "admin-uploads-"));
process.env.UPLOAD_DIR = uploadDir;
const { GET } = await import("@/app/uploads/[name]/route");

const get = (name: string) => GET(new Request(`http://localhost/uploads/${encodeURIComponent(name)}`), { params: Promise.resolve({ name }) });

describe("savePhoto", () => {
  it("accepts JPEG, PNG and WebP by their bytes, under random names with the detected extension", async () => {
    const names = [
      await savePhoto({ file: blob(jpegBytes()) }),
      await savePhoto({ file: blob(pngBytes(), "image/jpeg") }), // the declared type is ignored
      await savePhoto({ file: blob(webpBytes(), "text/plain") }),
      await savePhoto({ file: blob(jpegBytes()) }),
    ];
    expect(names[0]).toMatch(/^\/uploads\/[0-9a-f]{32}\.jpg$/);
    expect(names[1]).toMatch(/\.png$/);
    expect(names[2]).toMatch(/\.webp$/);
    expect(new Set(names).size).toBe(4);
    expect(readdirSync(uploadDir).sort()).toEqual(names.map((n) => n.slice("/uploads/".length)).sort());
  });

  it("refuses other content, empty files and files over the limit, writing nothing", async () => {
    const before = readdirSync(uploadDir).length;
    const refusals = [
      blob(new TextEncoder().encode("GIF89a....")),
      blob(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "image/svg+xml"),
      blob(new TextEncoder().encode("<!doctype html><script>alert(1)</script>"), "image/jpeg"),
      blob(new Uint8Array([0xff, 0xd8])), // too short to be a JPEG
      blob(new Uint8Array(0)),
    ];
    for (const file of refusals) await expect(savePhoto({ file })).rejects.toMatchObject({ fields: { photo: expect.any(String) } });
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(jpegBytes().subarray(0, 4));
    await expect(savePhoto({ file: blob(big) })).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(readdirSync(uploadDir)).toHaveLength(before);
  });

  it("drops a JPEG's EXIF (APP1) segment, keeping the image data", async () => {
    const exif = [0xff, 0xe1, 0x00, 0x08, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // APP1 "Exif\0\0"
    const body = [0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x09, 0x09, 0xff, 0xd9];
    const withExif = new Uint8Array([0xff, 0xd8, ...exif, ...body]);
    expect([...stripJpegMetadata(withExif)]).toEqual([0xff, 0xd8, ...body]);
    const stored = await savePhoto({ file: blob(withExif) });
    expect([...readFileSync(path.join(uploadDir, stored.slice("/uploads/".length)))]).toEqual([0xff, 0xd8, ...body]);
    expect(detectImageType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20]))).toBeNull(); // RIFF AVI
  });
});

describe("GET /uploads/[name]", () => {
  it("serves a stored photo with its type, nosniff and long caching", async () => {
    const stored = await savePhoto({ file: blob(pngBytes()) });
    const response = await get(stored.slice("/uploads/".length));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pngBytes());
  });

  it("answers 404 for any name savePhoto could not have made, including traversal attempts", async () => {
    writeFileSync(path.join(uploadDir, "notes.txt"), "secret");
    writeFileSync(path.join(path.dirname(uploadDir), "outside.jpg"), "secret");
    const hex = "a".repeat(32);
    for (const name of [
      "notes.txt", "../outside.jpg", `..%2F${hex}.jpg`, `${hex}.JPG`, `${hex}.gif`, `${hex}.jpg/`, `${hex.toUpperCase()}.jpg`, `../${hex}.jpg`,
      `${hex}.jpg\u0000.txt`, `${"a".repeat(31)}.jpg`, "", ".", "..", `${hex}.svg`,
    ]) {
      const response = await get(name);
      expect(response.status, name).toBe(404);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(await readUpload({ name: `${hex}.jpg` })).toBeNull(); // well-formed but absent
  });
});
