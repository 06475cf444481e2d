// POST /api/shows/[id]/heartbeat – the viewer's open room page keeps their own private show billed
import { apiMethods } from "@/lib/http/api-methods";
import { handleJson } from "@/lib/http/json-response";
import { requireUser } from "@/lib/server/auth/current-user";
import { billOwnShow } from "@/lib/server/shows/bill-own-show";
import { ZIdParams } from "@/lib/validations/chat-api";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleJson(async () => {
    const user = await requireUser(["viewer"]);
    const { id } = ZIdParams.parse(await params);
    return { status: 200, body: { billing: await billOwnShow({ userId: user.id, showId: id }) } };
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
