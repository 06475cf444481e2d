// POST /api/chat/v1/ticket-shows/[id]/tickets – a viewer buys a ticket
import { chatRoute } from "@/lib/server/chat-api/handle";
import { buyTicket } from "@/lib/server/ticket-shows/buy-ticket";
import { ZIdParams, ZTicketResponse, ZUserIdRequest } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZUserIdRequest, response: ZTicketResponse }, async ({ params, body, now, db }) => {
  const { ticket, user } = await buyTicket({ userId: body.userId, ticketShowId: params.id, now, db });
  return {
    status: 201,
    body: { ticket: { id: ticket.id, ticketShowId: ticket.ticketShowId, userId: ticket.userId, price: ticket.price, boughtAt: ticket.boughtAt.toISOString() }, user },
  };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
