// POST /api/chat/v1/ticket-shows/[id]/cancel – the performer cancels a scheduled ticket show: every ticket is refunded
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getTicketShow } from "@/lib/server/ticket-shows/get-ticket-show";
import { cancelTicketShow } from "@/lib/server/ticket-shows/cancel-ticket-show";
import { ZIdParams, ZNoParamsBody, ZTicketShowResponse } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZNoParamsBody, response: ZTicketShowResponse }, async ({ params, now, db }) => {
  await cancelTicketShow({ ticketShowId: params.id, now, db });
  return { status: 200, body: { ticketShow: await getTicketShow(params.id, db) } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
