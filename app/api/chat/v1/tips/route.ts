// POST /api/chat/v1/tips – send a tip
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { sendTip, type SentTip } from "@/lib/server/tips/send-tip";
import { sendTipHot } from "@/lib/server/tips/send-tip-hot";
import { ZSendTipRequest, ZTipResponse } from "@/lib/validations/chat-api";

const answer = (sent: SentTip) => ({ status: 201, body: sent });

export const POST = chatRoute(
  {
    method: "POST", body: ZSendTipRequest, response: ZTipResponse,
    hot: ({ body, now }, hot) => sendTipHot({ ...body, now, hot, answer }),
  },
  async ({ body, now, idempotencyKey, db }) =>
    answer(
      await sendTip({
        userId: body.userId, performerId: body.performerId, credits: body.credits, now, db,
        idempotency: idempotencyKey === undefined ? undefined : { source: "chat-api-tip", key: idempotencyKey },
      }),
    ),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
