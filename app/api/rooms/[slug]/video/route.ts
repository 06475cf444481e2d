// POST /api/rooms/[slug]/video – permission to send (the performer) or receive (a viewer) the room's video
import { handleJson } from "@/lib/http/json-response";
import { requireUser } from "@/lib/server/auth/current-user";
import { grantVideo } from "@/lib/server/video/grant-video";
import { apiMethods } from "@/lib/http/api-methods";

export async function POST(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleJson(async () => {
    const user = await requireUser(["viewer", "performer", "admin"]);
    return { status: 200, body: await grantVideo({ user, slug: (await params).slug }) };
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
