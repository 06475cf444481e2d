// GET /api/chat/v1/users/[id] – a user's status: role, credits, whether they can request a private show
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getUserStatus } from "@/lib/server/users/get-user-status";
import { ZIdParams, ZUserResponse } from "@/lib/validations/chat-api";

export const dynamic = "force-dynamic";

export const GET = chatRoute({ method: "GET", params: ZIdParams, response: ZUserResponse }, async ({ params, now }) => ({
  status: 200,
  body: { user: await getUserStatus({ userId: params.id, now }) },
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
