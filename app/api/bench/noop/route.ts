// GET /api/bench/noop – does nothing: the framework's own ceiling for the benchmark (no signature, no
// DB). Not part of the site: a JSON 404 unless the bench server sets BENCH_ROUTES=true.
import { apiMethods } from "@/lib/http/api-methods";
import { loadEnv } from "@/lib/env";
import { errorBody } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

export function GET(): Response {
  if (!loadEnv().BENCH_ROUTES) return Response.json(errorBody("not_found", "No such API endpoint."), { status: 404 });
  return Response.json({ ok: true });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET });
