// GET /api/bench/noop – does nothing: the framework's own ceiling for the benchmark (no signature, no DB)
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}
