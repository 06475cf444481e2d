// POST /api/chat/v1/group-shows/[id]/start – the performer starts a waiting group show (payers only)
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getGroupShow } from "@/lib/server/group-shows/get-group-show";
import { startGroupShow } from "@/lib/server/group-shows/start-group-show";
import { ZGroupShowResponse, ZIdParams, ZNoParamsBody } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZGroupShowResponse }, async ({ params, now, db }) => {
  await startGroupShow({ groupShowId: params.id, now, db });
  return { status: 200, body: { groupShow: await getGroupShow(params.id, db) } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
