// POST /api/chat/v1/shows/[id]/end – end a show, billing it up to now
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { endShow } from "@/lib/server/shows/end-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZEndShowRequest, ZIdParams, ZShowResponse } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZEndShowRequest, response: ZShowResponse }, async ({ params, body, now, db }) => ({
  status: 200,
  body: { show: toApiShow(await endShow({ showId: params.id, reason: body.reason, now, db })) },
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
