import pg from "pg";
import { percentile } from "./stats";

// How many events per second one PostgreSQL carries with the fan-out the app uses
// (lib/server/realtime/hub.ts): every instance holds one connection that LISTENs, and every event
// is a `SELECT pg_notify(channel, payload)` committed on its own (chat, presence) or inside the
// transaction of a change (status, accept, end). Here `publishers` pooled connections send
// chat-sized payloads as fast as they can while `listeners` connections — one per simulated app
// instance — LISTEN on the channel; an event counts once every listener has it.

export type NotifyCeilingResult = {
  listeners: number;
  publishers: number;
  seconds: number;
  /** NOTIFYs committed per second. */
  sent: number;
  /** Notifications received per second, summed over the listeners. */
  delivered: number;
  /** Latency from sending to the last listener's receipt, ms. */
  p50: number;
  p99: number;
  lost: number;
};

const CHANNEL = "bench_notify_ceiling";
// About what a chat line costs on the wire: the RoomMessage JSON of a 100-character line.
const PAYLOAD = JSON.stringify({
  t: "chat",
  message: { id: "00000000-0000-4000-8000-000000000000", at: new Date(0).toISOString(), from: { id: 12345, username: "viewer12345", role: "viewer" }, text: "x".repeat(100) },
});

export async function runNotifyCeiling(options: { databaseUrl: string; listeners: number; publishers: number; seconds: number }): Promise<NotifyCeilingResult> {
  const { listeners, publishers } = options;
  const sentAt = new Map<number, number>();
  const seen = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const clients = await Promise.all(
    Array.from({ length: listeners }, async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "bench-notify-listener" });
      await client.connect();
      client.on("notification", (message) => {
        received += 1;
        const n = Number(message.payload!.slice(0, message.payload!.indexOf(":")));
        const count = (seen.get(n) ?? 0) + 1;
        if (count === listeners) {
          seen.delete(n);
          latencies.push(performance.now() - sentAt.get(n)!);
          sentAt.delete(n);
        } else seen.set(n, count);
      });
      await client.query(`LISTEN ${CHANNEL}`);
      return client;
    }),
  );
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: publishers, application_name: "bench-notify-publisher" });
  let counter = 0;
  let sent = 0;
  const started = performance.now();
  const stopAt = started + options.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: publishers }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < stopAt) {
            const n = counter++;
            sentAt.set(n, performance.now());
            await client.query({ name: "bench-notify", text: "SELECT pg_notify($1, $2)", values: [CHANNEL, `${n}:${PAYLOAD}`] });
            sent += 1;
          }
        } finally {
          client.release();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // Let the last notifications arrive.
    for (let i = 0; i < 50 && sentAt.size > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    latencies.sort((a, b) => a - b);
    return { listeners, publishers, seconds, sent: sent / seconds, delivered: received / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), lost: sentAt.size };
  } finally {
    await pool.end();
    await Promise.all(clients.map((client) => client.end()));
  }
}
