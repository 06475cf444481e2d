import "server-only";
import { loadEnv } from "@/lib/env";
import { purgeIdempotencyRecords, RETENTION_MS } from "@/lib/server/chat-api/idempotency";
import { expireSilentStudios } from "@/lib/server/performers/expire-silent-studios";
import { purgeUnverifiedIpn } from "@/lib/server/paypal/purge-unverified-ipn";
import { retryUnfinishedIpn } from "@/lib/server/paypal/retry-unfinished-ipn";
import { expireGroupShows } from "@/lib/server/group-shows/expire-group-shows";
import { purgeExpiredRateLimits } from "@/lib/server/rate-limit/purge-expired-rate-limits";
import { expireStaleShows } from "@/lib/server/shows/expire-stale-shows";
import { expireTicketShows } from "@/lib/server/ticket-shows/expire-ticket-shows";

const SWEEP_EVERY_MS = 5_000;
const PURGE_EVERY_MS = 60 * 60 * 1000;
const IPN_RETRY_EVERY_MS = 5 * 60 * 1000;
const RATE_LIMIT_PURGE_EVERY_MS = 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

let started = false;

// Timed work of every app instance. Each instance may run it at once: the show sweep hands each stale
// show to one instance (SKIP LOCKED), and a show read before the sweep reaches it is expired lazily;
// performers whose studio camera fell silent go offline the same way;
// unfinished PayPal IPNs are claimed the same way.
export function startSweeper(): void {
  if (started) return;
  started = true;
  let running = false;
  let lastPurge = 0;
  let lastIpnRetry = 0;
  let lastRateLimitPurge = 0;
  let lastIpnPurge = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    const ipnRetry = Date.now() - lastIpnRetry > IPN_RETRY_EVERY_MS;
    const purge = Date.now() - lastPurge > PURGE_EVERY_MS;
    const rateLimitPurge = Date.now() - lastRateLimitPurge > RATE_LIMIT_PURGE_EVERY_MS;
    const ipnPurge = Date.now() - lastIpnPurge > PURGE_EVERY_MS;
    if (ipnRetry) lastIpnRetry = Date.now();
    if (purge) lastPurge = Date.now();
    if (rateLimitPurge) lastRateLimitPurge = Date.now();
    if (ipnPurge) lastIpnPurge = Date.now();
    try {
      await sweepOnce({ ipnRetry, purge, rateLimitPurge, ipnPurge });
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), SWEEP_EVERY_MS).unref();
}

/**
 * One round of the sweeper's jobs. Each job fails alone: a failure is logged and retried at its next
 * turn, and never keeps the other jobs from running (expireStaleShows isolates each show as well).
 */
export async function sweepOnce(due: { ipnRetry: boolean; purge: boolean; rateLimitPurge?: boolean; ipnPurge?: boolean }): Promise<void> {
  await isolated("ending stale shows", async () => {
    while ((await expireStaleShows({ limit: 500 })) === 500);
  });
  await isolated("ending group shows that did not start", async () => {
    while ((await expireGroupShows({ limit: 100 })) === 100);
  });
  await isolated("refunding ticket shows that did not start", () => expireTicketShows({ limit: 100 }));
  await isolated("taking silent studios offline", async () => {
    while ((await expireSilentStudios({ limit: 100 })) === 100);
  });
  if (due.rateLimitPurge) await isolated("purging expired rate-limit counters", () => purgeExpiredRateLimits());
  if (due.ipnRetry) await isolated("retrying unfinished IPNs", () => retryUnfinishedIpn());
  if (due.ipnPurge) {
    await isolated("purging unverified IPN messages", () => purgeUnverifiedIpn({ olderThan: new Date(Date.now() - loadEnv().IPN_RETENTION_DAYS * DAY_MS) }));
  }
  if (due.purge) await isolated("purging idempotency records", () => purgeIdempotencyRecords({ olderThan: new Date(Date.now() - RETENTION_MS) }));
}

async function isolated(job: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    console.error(`sweeper: ${job} failed; will retry`, error);
  }
}
