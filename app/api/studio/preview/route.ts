// POST /api/studio/preview – the performer's camera snapshot for the wall (body: the JPEG itself)
import { AppError } from "@/lib/errors";
import { handleJson } from "@/lib/http/json-response";
import { requireUser } from "@/lib/server/auth/current-user";
import { MAX_PREVIEW_BYTES, savePreview } from "@/lib/server/performers/save-preview";
import { apiMethods } from "@/lib/http/api-methods";

// Only `image/jpeg` bodies: a cross-site form can send none (it would need a CORS preflight that this
// route never answers), so the session cookie alone cannot be abused from another site.
export async function POST(request: Request): Promise<Response> {
  return handleJson(async () => {
    const user = await requireUser(["performer"]);
    if (request.headers.get("content-type") !== "image/jpeg") throw new AppError("bad_request", "Send the snapshot as image/jpeg.");
    const length = Number(request.headers.get("content-length") ?? "0");
    if (length > MAX_PREVIEW_BYTES) throw new AppError("payload_too_large", `A snapshot is at most ${MAX_PREVIEW_BYTES / 1024} KiB.`);
    const image = await request.blob();
    return { status: 201, body: await savePreview({ userId: user.id, image }) };
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
