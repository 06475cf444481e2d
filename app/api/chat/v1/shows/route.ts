// POST /api/chat/v1/shows – a viewer requests a private show
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { requestShow } from "@/lib/server/shows/request-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZCreateShowRequest, ZShowResponse } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", body: ZCreateShowRequest, response: ZShowResponse }, async ({ body, now, db }) => ({
  status: 201,
  body: { show: toApiShow(await requestShow({ userId: body.userId, performerId: body.performerId, now, db })) },
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
