// POST /api/chat/v1/performers/[id]/ticket-shows – the performer schedules a ticket show
import { chatRoute } from "@/lib/server/chat-api/handle";
import { getTicketShow } from "@/lib/server/ticket-shows/get-ticket-show";
import { scheduleTicketShow } from "@/lib/server/ticket-shows/schedule-ticket-show";
import { ZIdParams, ZScheduleTicketShowRequest, ZTicketShowResponse } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZScheduleTicketShowRequest, response: ZTicketShowResponse }, async ({ params, body, now, db }) => {
  const show = await scheduleTicketShow({ performerId: params.id, title: body.title, startsAt: new Date(body.startsAt), seats: body.seats ?? null, now, db });
  return { status: 201, body: { ticketShow: await getTicketShow(show.id, db) } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST });
