// POST /api/chat/v1/performers/[id]/group-shows – the performer opens a group show
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getGroupShow } from "@/lib/server/group-shows/get-group-show";
import { openGroupShow } from "@/lib/server/group-shows/open-group-show";
import { ZGroupShowResponse, ZIdParams, ZOpenGroupShowRequest } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZOpenGroupShowRequest, response: ZGroupShowResponse }, async ({ params, body, now, db }) => {
  const group = await openGroupShow({ performerId: params.id, minViewers: body.minViewers, waitSeconds: body.waitSeconds, now, db });
  return { status: 201, body: { groupShow: await getGroupShow(group.id, db) } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
