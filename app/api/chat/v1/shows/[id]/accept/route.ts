// POST /api/chat/v1/shows/[id]/accept – the performer accepts a requested show
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZIdParams, ZNoParamsBody, ZShowResponse } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZShowResponse }, async ({ params, now, db }) => ({
  status: 200,
  body: { show: toApiShow(await acceptShow({ showId: params.id, now, db })) },
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
