// POST /api/chat/v1/heartbeats – the heartbeat billing step for up to 1000 shows at once
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { billShows, type BillShowsItem } from "@/lib/server/shows/bill-shows";
import { billShowsHot } from "@/lib/server/shows/bill-shows-hot";
import { ZHeartbeatsRequest, ZHeartbeatsResponse } from "@/lib/validations/chat-api";

const answer = (results: BillShowsItem[]) => ({ status: 200, body: { results } });

export const POST = chatRoute(
  {
    method: "POST", body: ZHeartbeatsRequest, response: ZHeartbeatsResponse,
    hot: ({ body, now }, hot) => billShowsHot({ showIds: body.showIds, now, hot, answer }),
  },
  async ({ body, now, db }) => answer(await billShows({ showIds: body.showIds, now, db })),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
