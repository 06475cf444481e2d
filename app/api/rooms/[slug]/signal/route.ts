// POST /api/rooms/[slug]/signal – relay one WebRTC signalling message (offer, answer, ICE, …) in a room
import { apiMethods } from "@/lib/http/api-methods";
import { handleJson } from "@/lib/http/json-response";
import { assertSameSiteJson } from "@/lib/http/same-site-request";
import { readJsonRequest } from "@/lib/http/read-json-request";
import { requireUser } from "@/lib/server/auth/current-user";
import { relaySignal } from "@/lib/server/rooms/relay-signal";
import { ZSignalRequest } from "@/lib/validations/room";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleJson(async () => {
    assertSameSiteJson(request);
    const user = await requireUser(["viewer", "performer", "admin"]);
    const { from, to, data } = ZSignalRequest.parse(await readJsonRequest(request, 32 * 1024));
    await relaySignal({ user, slug: (await params).slug, from, to, data });
    return { status: 202, body: { ok: true } };
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
