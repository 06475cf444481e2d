// GET /api/chat/v1/performers[?status=online|offline|busy] – the wall as the chat sees it
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { listPerformers } from "@/lib/server/performers/list-performers";
import { toApiPerformer } from "@/lib/server/performers/serialize-performer";
import { ZPerformersQuery, ZPerformersResponse } from "@/lib/validations/chat-api";

export const dynamic = "force-dynamic";

// The response schema drops the wall's extra `slug`: the contract lists exactly six fields.
export const GET = chatRoute({ method: "GET", query: ZPerformersQuery, response: ZPerformersResponse }, async ({ query }) => ({
  status: 200,
  body: { performers: (await listPerformers({ status: query.status })).map(toApiPerformer) },
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
