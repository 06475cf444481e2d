// POST /api/shows/[id]/heartbeat – the viewer's open room page keeps their own private show billed
import { handleJson } from "@/lib/http/json-response";
import { assertSameSiteJson } from "@/lib/http/same-site-request";
import { requireUser } from "@/lib/server/auth/current-user";
import { billOwnShow } from "@/lib/server/shows/bill-own-show";
import { ZIdParams } from "@/lib/validations/chat-api";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleJson(async () => {
    assertSameSiteJson(request);
    const user = await requireUser(["viewer"]);
    const { id } = ZIdParams.parse(await params);
    return { status: 200, body: { billing: await billOwnShow({ userId: user.id, showId: id }) } };
  });
}
