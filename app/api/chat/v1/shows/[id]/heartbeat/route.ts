// POST /api/chat/v1/shows/[id]/heartbeat – bill an active show up to now (ends it when the credits run out)
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { billShow } from "@/lib/server/shows/bill-show";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZHeartbeatResponse, ZIdParams, ZNoParamsBody } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZHeartbeatResponse }, async ({ params, now, db }) => {
  const { show, user, secondsRemaining } = await billShow({ showId: params.id, now, db });
  return { status: 200, body: { show: toApiShow(show), user, secondsRemaining } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
