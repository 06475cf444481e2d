// GET /api/chat/v1/performers/[id]/goal – a performer's running goal
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getGoalOf } from "@/lib/server/goals/get-goal-of";
import { ZGoalResponse, ZIdParams } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const GET = chatRoute({ method: "GET", params: ZIdParams, response: ZGoalResponse }, async ({ params, now }) => ({
  status: 200,
  body: { goal: await getGoalOf(params.id, now) },
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
