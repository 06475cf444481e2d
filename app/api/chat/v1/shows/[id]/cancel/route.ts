// POST /api/chat/v1/shows/[id]/cancel – the viewer withdraws a show request
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { cancelShow } from "@/lib/server/shows/cancel-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZIdParams, ZNoParamsBody, ZShowResponse } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZShowResponse }, async ({ params, now, db }) => ({
  status: 200,
  body: { show: toApiShow(await cancelShow({ showId: params.id, now, db })) },
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
