// POST /api/chat/v1/group-shows/[id]/join – a viewer takes a seat in a waiting group show
import { chatRoute } from "@/lib/server/chat-api/handle";
import { joinGroupShow } from "@/lib/server/group-shows/join-group-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZIdParams, ZShowResponse, ZUserIdRequest } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZUserIdRequest, response: ZShowResponse }, async ({ params, body, now, db }) => ({
  status: 201,
  body: { show: toApiShow(await joinGroupShow({ userId: body.userId, groupShowId: params.id, now, db })) },
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
