// POST /api/rooms/[slug]/chat – post a line to a room's chat
import { apiMethods } from "@/lib/http/api-methods";
import { handleJson } from "@/lib/http/json-response";
import { assertSameSiteJson } from "@/lib/http/same-site-request";
import { readJsonRequest } from "@/lib/http/read-json-request";
import { requireUser } from "@/lib/server/auth/current-user";
import { sendChatMessage } from "@/lib/server/rooms/send-chat-message";
import { ZChatRequest } from "@/lib/validations/room";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleJson(async () => {
    assertSameSiteJson(request);
    const user = await requireUser(["viewer", "performer", "admin"]);
    const { text } = ZChatRequest.parse(await readJsonRequest(request, 4 * 1024));
    const message = await sendChatMessage({ user, slug: (await params).slug, text });
    return { status: 201, body: { message } };
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
