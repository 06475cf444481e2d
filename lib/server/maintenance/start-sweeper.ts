import "server-only";
import { loadEnv } from "@/lib/env";
import { purgeIdempotencyRecords, RETENTION_MS } from "@/lib/server/chat-api/idempotency";
import { purgeUnverifiedIpn } from "@/lib/server/paypal/purge-unverified-ipn";
import { retryUnfinishedIpn } from "@/lib/server/paypal/retry-unfinished-ipn";
import { expireStaleShows } from "@/lib/server/shows/expire-stale-shows";

const SWEEP_EVERY_MS = 5_000;
const PURGE_EVERY_MS = 60 * 60 * 1000;
const IPN_RETRY_EVERY_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

let started = false;

// Timed work of every app instance. Each instance may run it at once: the show sweep hands each stale
// show to one instance (SKIP LOCKED), and a show read before the sweep reaches it is expired lazily;
// unfinished PayPal IPNs are claimed the same way.
export function startSweeper(): void {
  if (started) return;
  started = true;
  let running = false;
  let lastPurge = 0;
  let lastIpnRetry = 0;
  let lastIpnPurge = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      while ((await expireStaleShows({ limit: 500 })) === 500);
      if (Date.now() - lastIpnRetry > IPN_RETRY_EVERY_MS) {
        lastIpnRetry = Date.now();
        await retryUnfinishedIpn();
      }
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await purgeIdempotencyRecords({ olderThan: new Date(Date.now() - RETENTION_MS) });
      }
    } catch (error) {
      console.error("sweeper: will retry", error);
    }
    // Its own try: a failing purge never stops the show sweep, and theirs never stops the purge.
    try {
      if (Date.now() - lastIpnPurge > PURGE_EVERY_MS) {
        lastIpnPurge = Date.now();
        await purgeUnverifiedIpn({ olderThan: new Date(Date.now() - loadEnv().IPN_RETENTION_DAYS * DAY_MS) });
      }
    } catch (error) {
      console.error("sweeper: unverified IPN purge failed, will retry", error);
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), SWEEP_EVERY_MS).unref();
}
