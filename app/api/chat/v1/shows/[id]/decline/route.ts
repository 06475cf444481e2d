// POST /api/chat/v1/shows/[id]/decline – the performer declines a requested show
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { declineShow } from "@/lib/server/shows/decline-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZIdParams, ZNoParamsBody, ZShowResponse } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZShowResponse }, async ({ params, now, db }) => ({
  status: 200,
  body: { show: toApiShow(await declineShow({ showId: params.id, now, db })) },
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
