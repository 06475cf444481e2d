// PUT /api/chat/v1/shows/[id]/spying – the performer allows or forbids spies on this private show
import { chatRoute } from "@/lib/server/chat-api/handle";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { setSpiesAllowed } from "@/lib/server/shows/set-spies-allowed";
import { ZIdParams, ZSetSpyingRequest, ZShowResponse } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const PUT = chatRoute({ method: "PUT", params: ZIdParams, body: ZSetSpyingRequest, response: ZShowResponse }, async ({ params, body, now, db }) => ({
  status: 200,
  body: { show: toApiShow(await setSpiesAllowed({ showId: params.id, allowed: body.allowed, now, db })) },
}));

export const { GET, POST, PATCH, DELETE, OPTIONS } = apiMethods({ PUT });
