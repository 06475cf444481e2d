// POST /api/chat/v1/heartbeats – the heartbeat billing step for up to 1000 shows at once
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { billShows } from "@/lib/server/shows/bill-shows";
import { ZHeartbeatsRequest, ZHeartbeatsResponse } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", body: ZHeartbeatsRequest, response: ZHeartbeatsResponse }, async ({ body, now, db }) => ({
  status: 200,
  body: { results: await billShows({ showIds: body.showIds, now, db }) },
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
