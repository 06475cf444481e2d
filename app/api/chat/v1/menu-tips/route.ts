// POST /api/chat/v1/menu-tips – tip an item of a performer's tip menu
import { chatRoute } from "@/lib/server/chat-api/handle";
import { sendMenuTip } from "@/lib/server/tips/send-menu-tip";
import { ZMenuTipResponse, ZSendMenuTipRequest } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", body: ZSendMenuTipRequest, response: ZMenuTipResponse }, async ({ body, now, idempotencyKey, db }) => ({
  status: 201,
  body: await sendMenuTip({ userId: body.userId, performerId: body.performerId, menuItemId: body.menuItemId, now, idempotency: idempotencyKey === undefined ? undefined : { source: "chat-api-tip", key: idempotencyKey }, db }),
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
