// GET /api/chat/v1/performers/[id]/tip-menu – a performer's tip menu
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getTipMenuOf } from "@/lib/server/tip-menu/get-tip-menu-of";
import { ZIdParams, ZTipMenuResponse } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const GET = chatRoute({ method: "GET", params: ZIdParams, response: ZTipMenuResponse }, async ({ params }) => ({
  status: 200,
  body: { items: await getTipMenuOf(params.id) },
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
