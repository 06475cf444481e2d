// POST /api/chat/v1/shows/[id]/heartbeat – bill an active show up to now (ends it when the credits run out)
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import type { BillingStepResult } from "@/lib/server/shows/apply-billing-step";
import { billShow } from "@/lib/server/shows/bill-show";
import { billShowHot } from "@/lib/server/shows/bill-show-hot";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { ZHeartbeatResponse, ZIdParams, ZNoParamsBody } from "@/lib/validations/chat-api";

const answer = ({ show, user, secondsRemaining }: BillingStepResult) => ({ status: 200, body: { show: toApiShow(show), user, secondsRemaining } });

export const POST = chatRoute(
  {
    method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZHeartbeatResponse,
    hot: ({ params, now }, hot) => billShowHot({ showId: params.id, now, hot, answer }),
  },
  async ({ params, now, db }) => answer(await billShow({ showId: params.id, now, db })),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
