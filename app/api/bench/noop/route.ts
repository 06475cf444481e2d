// GET /api/bench/noop – does nothing: the framework's own ceiling for the benchmark (no signature, no DB)
import { apiMethods } from "@/lib/http/api-methods";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
