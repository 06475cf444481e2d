import type { AudienceResult, Delivery } from "./audience";
import type { NotifyCeilingResult } from "./notify-ceiling";
import type { machine } from "./report";

// The audience section of docs/benchmarks.md (between its own markers, written by --only=audience).

export const TARGET_DELIVERY_P99_MS = 1_000;
export const TARGET_WALL_SSR_P50_MS = 30;

const f = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function deliveryRow(label: string, d: Delivery): string {
  return `| ${label} | ${d.sent} | ${f(d.expected)} | ${f(d.received)} | ${f(d.p50, 1)} | ${f(d.p99, 1)} | ${f(d.max, 1)} |`;
}

export function audienceTargets(a: AudienceResult): { pass: boolean; lines: string[] } {
  const chatOk = a.chat.received === a.chat.expected && a.chat.p99 < TARGET_DELIVERY_P99_MS;
  const statusOk = a.status.received === a.status.expected && a.status.p99 < TARGET_DELIVERY_P99_MS;
  const wallOk = a.wallSsr.p50 < TARGET_WALL_SSR_P50_MS && a.wallSsr.non2xx === 0 && a.wallSsr.errors === 0;
  const lines = [
    `${chatOk ? "PASS" : "MISS"} a chat line reaches all ${f(a.viewers)} viewers, p99 < ${f(TARGET_DELIVERY_P99_MS)} ms: p99 ${f(a.chat.p99, 1)} ms, ${f(a.chat.received)} of ${f(a.chat.expected)} deliveries`,
    `${statusOk ? "PASS" : "MISS"} a status change reaches all ${a.walls} walls, p99 < ${f(TARGET_DELIVERY_P99_MS)} ms: p99 ${f(a.status.p99, 1)} ms, ${f(a.status.received)} of ${f(a.status.expected)} deliveries`,
    `${wallOk ? "PASS" : "MISS"} the wall server-rendered with ${f(a.performers)} performers, p50 < ${TARGET_WALL_SSR_P50_MS} ms: p50 ${f(a.wallSsr.p50, 1)} ms`,
    ...a.failures.map((failure) => `FAIL ${failure}`),
  ];
  return { pass: chatOk && statusOk && wallOk && a.failures.length === 0, lines };
}

export function audienceSection(options: {
  when: Date;
  host: ReturnType<typeof machine>;
  nextVersion: string;
  pgVersion: string;
  fdLimit: string;
  audience: AudienceResult;
  ceiling: NotifyCeilingResult[];
}): string {
  const { audience: a, host } = options;
  const rest = a.rest;
  const pct = (cpuSeconds: number | undefined) => (rest && cpuSeconds !== undefined ? `${f((cpuSeconds / rest.seconds) * 100, 1)} %` : "—");
  return [
    `### Audience, ${options.when.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `\`npm run bench -- --only=audience\` (\`scripts/bench/audience.ts\`): one production instance on a fresh embedded database, ${f(a.performers)} online performers on the wall, ${f(a.viewers)} signed-in viewers (session cookies minted with the server's secret) each holding \`GET /api/rooms/{slug}/events\` open in one room, and ${a.walls} anonymous \`GET /api/events/wall\` streams. Every stream is a real loopback HTTP connection from the bench process, which shares the 2 cores with the app and PostgreSQL and parses every event it receives: the latencies below include the load generator's own queueing. File descriptors: \`ulimit -n\` ${options.fdLimit} (each stream costs one on each side).`,
    "",
    `Machine: ${host.cpu}, ${host.cores} cores, ${host.memory} RAM, ${host.os}; Node.js ${host.node}, Next.js ${options.nextVersion}, PostgreSQL ${options.pgVersion}.`,
    "",
    "Targets:",
    "",
    ...audienceTargets(a).lines.map((line) => `- ${line}`),
    "",
    "| delivery (sent → received by every stream, measured in the bench) | events | expected deliveries | received | p50 ms | p99 ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    deliveryRow(`chat line (POST /api/rooms/{slug}/chat) → ${f(a.viewers)} viewers`, a.chat),
    deliveryRow(`status change (PUT /api/chat/v1/performers/{id}/status) → ${a.walls} walls`, a.status),
    "",
    "| instance | value |",
    "| --- | ---: |",
    `| streams open | ${f(a.viewers + a.walls)} |`,
    `| time to open the viewers' streams (50 at a time, each until its first \`state\`) | ${f(a.connectSeconds.viewers, 1)} s |`,
    `| time to open the walls' streams (25 at a time, each until its snapshot) | ${f(a.connectSeconds.walls, 1)} s |`,
    `| next-server RSS before → after opening them | ${f(a.rssMiB.before)} → ${f(a.rssMiB.after)} MiB |`,
    `| memory per open stream (RSS growth / streams) | ${f(a.kibPerConnection, 1)} KiB |`,
    `| CPU at rest with every stream open (${rest ? f(rest.seconds) : "—"} s, one keep-alive and presence cycle): app / PostgreSQL / bench / other processes on the machine | ${pct(rest?.app)} / ${pct(rest?.postgres)} / ${pct(rest?.bench)} / ${pct(rest?.other)} of one core |`,
    `| the wall, GET / server-rendered, 1 connection: requests/s, p50, p99 | ${f(a.wallSsr.rps)} /s, ${f(a.wallSsr.p50, 1)} ms, ${f(a.wallSsr.p99, 1)} ms (${f(a.wallSsr.non2xx + a.wallSsr.errors)} errors) |`,
    `| the wall's HTML (${f(a.performers)} performers) | ${f(a.wallBytes / 1024)} KiB |`,
    "",
    "NOTIFY ceiling (`scripts/bench/notify-ceiling.ts`): the same PostgreSQL, `SELECT pg_notify(channel, payload)` with a chat-sized payload (≈ 200 bytes) committed one per statement from a pool of publishers as fast as they go, while one LISTEN connection per simulated app instance receives; latency is from sending to the last listener's receipt. Publishers and listeners run in the bench process on the same 2 cores.",
    "",
    "| listening instances | publishers | NOTIFY/s committed | notifications/s received (all listeners) | p50 ms | p99 ms | lost |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...options.ceiling.map((c) => `| ${c.listeners} | ${c.publishers} | ${f(c.sent)} | ${f(c.delivered)} | ${f(c.p50, 1)} | ${f(c.p99, 1)} | ${c.lost} |`),
  ].join("\n");
}
