// POST /api/chat/v1/group-shows/[id]/end – the performer ends a group show, billing every seat
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getGroupShow } from "@/lib/server/group-shows/get-group-show";
import { endGroupShow } from "@/lib/server/group-shows/end-group-show";
import { ZGroupShowResponse, ZIdParams, ZNoParamsBody } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZGroupShowResponse }, async ({ params, now, db }) => {
  await endGroupShow({ groupShowId: params.id, now, db });
  return { status: 200, body: { groupShow: await getGroupShow(params.id, db) } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
