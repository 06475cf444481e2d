import { prisma } from "@/lib/db/prisma";
import { createChatApiClient, type ChatApiMethod, type RequestOptions } from "@/lib/chat-api-client/chat-api-client";
import type { RouteContext } from "@/lib/server/chat-api/handle";
import * as catchAll from "@/app/api/chat/v1/[[...path]]/route";
import * as heartbeats from "@/app/api/chat/v1/heartbeats/route";
import * as performerStatus from "@/app/api/chat/v1/performers/[id]/status/route";
import * as performers from "@/app/api/chat/v1/performers/route";
import * as accept from "@/app/api/chat/v1/shows/[id]/accept/route";
import * as cancel from "@/app/api/chat/v1/shows/[id]/cancel/route";
import * as decline from "@/app/api/chat/v1/shows/[id]/decline/route";
import * as end from "@/app/api/chat/v1/shows/[id]/end/route";
import * as heartbeat from "@/app/api/chat/v1/shows/[id]/heartbeat/route";
import * as spies from "@/app/api/chat/v1/shows/[id]/spies/route";
import * as spying from "@/app/api/chat/v1/shows/[id]/spying/route";
import * as shows from "@/app/api/chat/v1/shows/route";
import * as menuTips from "@/app/api/chat/v1/menu-tips/route";
import * as groupShow from "@/app/api/chat/v1/group-shows/[id]/route";
import * as groupJoin from "@/app/api/chat/v1/group-shows/[id]/join/route";
import * as groupStart from "@/app/api/chat/v1/group-shows/[id]/start/route";
import * as groupEnd from "@/app/api/chat/v1/group-shows/[id]/end/route";
import * as openGroup from "@/app/api/chat/v1/performers/[id]/group-shows/route";
import * as scheduleTicket from "@/app/api/chat/v1/performers/[id]/ticket-shows/route";
import * as ticketShow from "@/app/api/chat/v1/ticket-shows/[id]/route";
import * as tickets from "@/app/api/chat/v1/ticket-shows/[id]/tickets/route";
import * as ticketStart from "@/app/api/chat/v1/ticket-shows/[id]/start/route";
import * as ticketEnd from "@/app/api/chat/v1/ticket-shows/[id]/end/route";
import * as ticketCancel from "@/app/api/chat/v1/ticket-shows/[id]/cancel/route";
import * as goal from "@/app/api/chat/v1/performers/[id]/goal/route";
import * as tipMenu from "@/app/api/chat/v1/performers/[id]/tip-menu/route";
import * as tips from "@/app/api/chat/v1/tips/route";
import * as user from "@/app/api/chat/v1/users/[id]/route";

// The chat API without a server: a tiny router that hands real Request objects to the route
// handlers' exported functions, as Next.js would, and the signing client wired to it.

type Handler = (request: Request, context: RouteContext) => Response | Promise<Response>;
type RouteModule = Partial<Record<string, Handler | unknown>>;

const ROUTES: [RegExp, RouteModule][] = [
  [/^\/api\/chat\/v1\/performers$/, performers],
  [/^\/api\/chat\/v1\/performers\/(?<id>[^/]+)\/status$/, performerStatus],
  [/^\/api\/chat\/v1\/performers\/(?<id>[^/]+)\/tip-menu$/, tipMenu],
  [/^\/api\/chat\/v1\/performers\/(?<id>[^/]+)\/goal$/, goal],
  [/^\/api\/chat\/v1\/menu-tips$/, menuTips],
  [/^\/api\/chat\/v1\/performers\/(?<id>[^/]+)\/group-shows$/, openGroup],
  [/^\/api\/chat\/v1\/performers\/(?<id>[^/]+)\/ticket-shows$/, scheduleTicket],
  [/^\/api\/chat\/v1\/group-shows\/(?<id>[^/]+)$/, groupShow],
  [/^\/api\/chat\/v1\/group-shows\/(?<id>[^/]+)\/join$/, groupJoin],
  [/^\/api\/chat\/v1\/group-shows\/(?<id>[^/]+)\/start$/, groupStart],
  [/^\/api\/chat\/v1\/group-shows\/(?<id>[^/]+)\/end$/, groupEnd],
  [/^\/api\/chat\/v1\/ticket-shows\/(?<id>[^/]+)$/, ticketShow],
  [/^\/api\/chat\/v1\/ticket-shows\/(?<id>[^/]+)\/tickets$/, tickets],
  [/^\/api\/chat\/v1\/ticket-shows\/(?<id>[^/]+)\/start$/, ticketStart],
  [/^\/api\/chat\/v1\/ticket-shows\/(?<id>[^/]+)\/end$/, ticketEnd],
  [/^\/api\/chat\/v1\/ticket-shows\/(?<id>[^/]+)\/cancel$/, ticketCancel],
  [/^\/api\/chat\/v1\/users\/(?<id>[^/]+)$/, user],
  [/^\/api\/chat\/v1\/shows$/, shows],
  [/^\/api\/chat\/v1\/shows\/(?<id>[^/]+)\/accept$/, accept],
  [/^\/api\/chat\/v1\/shows\/(?<id>[^/]+)\/decline$/, decline],
  [/^\/api\/chat\/v1\/shows\/(?<id>[^/]+)\/cancel$/, cancel],
  [/^\/api\/chat\/v1\/shows\/(?<id>[^/]+)\/heartbeat$/, heartbeat],
  [/^\/api\/chat\/v1\/shows\/(?<id>[^/]+)\/end$/, end],
  [/^\/api\/chat\/v1\/shows\/(?<id>[^/]+)\/spies$/, spies],
  [/^\/api\/chat\/v1\/shows\/(?<id>[^/]+)\/spying$/, spying],
  [/^\/api\/chat\/v1\/heartbeats$/, heartbeats],
  [/^\/api\/chat\/v1\/tips$/, tips],
  [/^\/api\/chat\/v1\/(?<path>.+)$/, catchAll],
];

/** Routes a Request to its handler, like Next.js: an empty 405 when the route file lacks the method. */
export async function dispatch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const [pattern, module] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const handler = module[request.method];
    if (typeof handler !== "function") return new Response(null, { status: 405 });
    return (handler as Handler)(request, { params: Promise.resolve({ ...match.groups }) });
  }
  return new Response(null, { status: 404 });
}

/** The secret test/setup/file-database.ts puts in CHAT_API_SECRET. */
export const testSecret = () => process.env.CHAT_API_SECRET!;

export const api = createChatApiClient({ baseUrl: "http://localhost:3000", secret: testSecret(), fetch: dispatch });

export const V1 = "/api/chat/v1";

/** Signs and sends one request to the route handlers; body parsed. */
export function call<T = Record<string, unknown>>(method: ChatApiMethod, path: string, body?: unknown, options?: RequestOptions) {
  return api.request<T>(method, `${V1}${path}`, body, options);
}

/** Everything the chat API can change, to assert that a refused request changed nothing. */
export async function snapshot() {
  const [counts] = await prisma.$queryRaw<Record<string, string>[]>`
    SELECT (SELECT count(*) FROM ledger_entries)::text AS ledger,
           (SELECT count(*) FROM ppv_tips)::text AS tips,
           (SELECT count(*) FROM private_shows)::text AS shows,
           (SELECT count(*) FROM idempotency_records)::text AS idempotency,
           (SELECT coalesce(sum(credits), 0) FROM users)::text AS credits,
           (SELECT md5(coalesce(string_agg(id || status::text || credits_charged || coalesce(ended_at::text, ''), ',' ORDER BY id), ''))
              FROM private_shows) AS shows_digest,
           (SELECT md5(coalesce(string_agg(id || status::text, ',' ORDER BY id), '')) FROM performers) AS performers_digest`;
  return counts!;
}
