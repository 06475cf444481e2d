import { readUpload } from "@/lib/server/uploads/read-upload";

// GET /uploads/[name] – a photo uploaded in the admin. public/ is not writable under `next start`, so
// uploads live in UPLOAD_DIR and are served here: strict names only, the type we detected at upload,
// no sniffing, no script (CSP sandbox), cached for good (a new photo gets a new name).

const SAFE = { "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox" } as const;

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await params;
  const upload = await readUpload({ name });
  if (!upload) return new Response("Not found", { status: 404, headers: { ...SAFE, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(Buffer.from(upload.bytes), {
    headers: {
      ...SAFE,
      "Content-Type": upload.contentType,
      "Content-Length": String(upload.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
