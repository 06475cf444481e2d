import autocannon from "autocannon";
import { signedHeaders } from "./sign";

// Closed-loop HTTP load with autocannon: `connections` keep-alive connections, each sending its next
// request as soon as the previous answer arrived. Signed scenarios build every request in
// setupRequest, so each one carries the current timestamp, its own signature and a fresh
// Idempotency-Key, exactly as a chat server would send them.

export type LoadResult = {
  requests: number;
  /** autocannon's mean of the per-second request counts. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  seconds: number;
};

export type RequestFactory = (n: number) => { method: "GET" | "POST"; path: string; body: string; signed: boolean };

export async function runLoad(options: {
  baseUrl: string;
  secret: string;
  connections: number;
  seconds: number;
  /** Prefix of every Idempotency-Key of this run (unique per scenario and run). */
  keyPrefix: string;
  next: RequestFactory;
}): Promise<LoadResult> {
  let counter = 0;
  const { secret, keyPrefix, next } = options;
  const first = next(0);
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: first.method,
        path: first.path,
        setupRequest: (request) => {
          const n = counter++;
          const spec = next(n);
          const headers = spec.signed
            ? signedHeaders({ secret, method: spec.method, path: spec.path, body: spec.body, idempotencyKey: spec.method === "GET" ? undefined : `${keyPrefix}-${n}` })
            : {};
          return { ...request, method: spec.method, path: spec.path, headers, body: spec.body === "" ? undefined : spec.body };
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number | string }> }).statusCodeStats ?? {};
  for (const [code, { count }] of Object.entries(stats)) statusCodes[code] = Number(count);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    seconds: result.duration,
  };
}
