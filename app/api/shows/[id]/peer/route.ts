// POST /api/shows/[id]/peer – the performer's studio reports its peer connection to the show's viewer gone or back
import { handleJson } from "@/lib/http/json-response";
import { assertSameSiteJson } from "@/lib/http/same-site-request";
import { readJsonRequest } from "@/lib/http/read-json-request";
import { requireUser } from "@/lib/server/auth/current-user";
import { reportPeerState } from "@/lib/server/presence/report-peer-state";
import { ZIdParams } from "@/lib/validations/chat-api";
import { ZPeerReport } from "@/lib/validations/room";
import { apiMethods } from "@/lib/http/api-methods";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleJson(async () => {
    assertSameSiteJson(request);
    const user = await requireUser(["performer"]);
    const { id } = ZIdParams.parse(await params);
    const { conn, connected } = ZPeerReport.parse(await readJsonRequest(request, 1024));
    await reportPeerState({ performerUserId: user.id, showId: id, conn, connected });
    return { status: 202, body: { ok: true } };
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
