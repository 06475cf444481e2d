// POST /api/chat/v1/tips – send a tip
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { sendTip } from "@/lib/server/tips/send-tip";
import { ZSendTipRequest, ZTipResponse } from "@/lib/validations/chat-api";

export const POST = chatRoute({ method: "POST", body: ZSendTipRequest, response: ZTipResponse }, async ({ body, now, idempotencyKey, db }) => ({
  status: 201,
  body: await sendTip({
    userId: body.userId, performerId: body.performerId, credits: body.credits, now, db,
    idempotency: idempotencyKey === undefined ? undefined : { source: "chat-api-tip", key: idempotencyKey },
  }),
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
