// GET /api/chat/v1/ticket-shows/[id] – a ticket show and its ticket holders
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getTicketShow } from "@/lib/server/ticket-shows/get-ticket-show";
import { ZIdParams, ZTicketShowResponse } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const GET = chatRoute({ method: "GET", params: ZIdParams, response: ZTicketShowResponse }, async ({ params }) => ({
  status: 200,
  body: { ticketShow: await getTicketShow(params.id) },
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
