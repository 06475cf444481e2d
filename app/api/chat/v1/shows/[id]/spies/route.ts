// POST /api/chat/v1/shows/[id]/spies – a viewer starts spying on a running private show
// GET  /api/chat/v1/shows/[id]/spies – how many spies watch it
import { chatRoute } from "@/lib/server/chat-api/handle";
import { countSpies } from "@/lib/server/shows/count-spies";
import { toApiShow } from "@/lib/server/shows/serialize-show";
import { startSpying } from "@/lib/server/shows/start-spying";
import { ZIdParams, ZShowResponse, ZSpiesResponse, ZStartSpyingRequest } from "@/lib/validations/chat-api";
import { apiMethods } from "@/lib/http/api-methods";

export const POST = chatRoute({ method: "POST", params: ZIdParams, body: ZStartSpyingRequest, response: ZShowResponse }, async ({ params, body, now, db }) => ({
  status: 201,
  body: { show: toApiShow(await startSpying({ userId: body.userId, showId: params.id, now, db })) },
}));

export const GET = chatRoute({ method: "GET", params: ZIdParams, response: ZSpiesResponse }, async ({ params }) => ({
  status: 200,
  body: { showId: params.id, spies: await countSpies(params.id) },
}));

export const { PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET, POST });
