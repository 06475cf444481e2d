// GET /api/chat/v1/group-shows/[id] – a group show and its seats
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getGroupShow } from "@/lib/server/group-shows/get-group-show";
import { ZGroupShowResponse, ZIdParams } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const GET = chatRoute({ method: "GET", params: ZIdParams, response: ZGroupShowResponse }, async ({ params }) => ({
  status: 200,
  body: { groupShow: await getGroupShow(params.id) },
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
