// PUT /api/chat/v1/performers/[id]/status – set a performer online or offline
import { apiMethods } from "@/lib/http/api-methods";
import { chatRoute } from "@/lib/server/chat-api/handle";
import { toApiPerformer } from "@/lib/server/performers/serialize-performer";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { ZIdParams, ZPerformerResponse, ZSetPerformerStatusRequest } from "@/lib/validations/chat-api";

export const PUT = chatRoute(
  { method: "PUT", params: ZIdParams, body: ZSetPerformerStatusRequest, response: ZPerformerResponse },
  async ({ params, body, now, db }) => ({
    status: 200,
    body: { performer: toApiPerformer(await setPerformerStatus({ performerId: params.id, status: body.status, now, db })) },
  }),
);

export const { GET, POST, PATCH, DELETE, OPTIONS } = apiMethods({ PUT });
