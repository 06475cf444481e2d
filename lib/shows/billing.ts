// The billing rule of API.md, as pure functions so that the single heartbeat, the batch heartbeat,
// the end of a show and the tests all compute exactly the same numbers. Integer math only.

/** A heartbeat is expected this often. */
export const HEARTBEAT_INTERVAL_SECONDS = 10;
/** An active show with no heartbeat for longer than this is ended with reason `timeout`. */
export const SHOW_TIMEOUT_SECONDS = 45;

/** Whole seconds from `start` to `at`, a started second counting as a whole one; never negative. */
export function secondsBetween(start: Date, at: Date): number {
  const ms = at.getTime() - start.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** ceil(seconds × rate / 60) without floating point: exact for any realistic show length. */
export function creditsOwed(seconds: number, ratePerMinute: number): number {
  const product = seconds * ratePerMinute;
  const whole = (product - (product % 60)) / 60;
  return product % 60 === 0 ? whole : whole + 1;
}

/** Credits a show must be able to pay before it may be requested or accepted: max(60, minimumSeconds) seconds. */
export function creditsToStart(show: { ratePerMinute: number; minimumSeconds: number }): number {
  return creditsOwed(Math.max(60, show.minimumSeconds), show.ratePerMinute);
}

/** Seconds of show the viewer can still pay for: credits already charged plus the balance buy
 *  floor(total × 60 / rate) seconds in all (owed stays ≤ total exactly up to that second). */
export function secondsRemaining(options: { creditsCharged: number; balance: number; ratePerMinute: number; secondsBilled: number }): number {
  const total = (options.creditsCharged + Math.max(0, options.balance)) * 60;
  const affordable = (total - (total % options.ratePerMinute)) / options.ratePerMinute;
  return Math.max(0, affordable - options.secondsBilled);
}

/** The timeout rule: strictly more than SHOW_TIMEOUT_SECONDS since the last sign of life. */
export function isStale(show: { lastHeartbeatAt: Date | null; startedAt: Date | null }, now: Date): boolean {
  const last = show.lastHeartbeatAt ?? show.startedAt;
  return last !== null && last.getTime() < now.getTime() - SHOW_TIMEOUT_SECONDS * 1000;
}

export type BillableShow = {
  startedAt: Date | null;
  lastHeartbeatAt: Date | null;
  ratePerMinute: number;
  /** The minimum length snapshotted at request: owed is never less than its price. */
  minimumSeconds: number;
  secondsBilled: number;
  creditsCharged: number;
};

export type BillingPlan =
  | { outcome: "timeout"; endedAt: Date }
  | {
      /** `exhausted`: the balance could not pay what is due, so the show ends (credits_exhausted). */
      outcome: "billed" | "exhausted";
      secondsBilled: number;
      /** Credits to take from the balance in this step (0..balance). */
      charge: number;
      /** The show's creditsCharged after this step. */
      creditsCharged: number;
      heartbeatAt: Date;
      secondsRemaining: number;
    };

/**
 * One billing step of an active show at `now`, given the balance the viewer can spend (0 for a
 * blocked or flagged account). A stale show is not billed at all: it ends at its last heartbeat.
 * Times never run backwards here: a late-arriving earlier heartbeat (parallel requests, clock skew
 * between app instances) bills nothing new and does not move lastHeartbeatAt back.
 */
export function planBillingStep(options: { show: BillableShow; balance: number; now: Date }): BillingPlan {
  const { show, now } = options;
  if (!show.startedAt) throw new Error("An active show must have a startedAt.");
  if (isStale(show, now)) return { outcome: "timeout", endedAt: show.lastHeartbeatAt ?? show.startedAt };
  const balance = Math.max(0, options.balance);
  const seconds = Math.max(show.secondsBilled, secondsBetween(show.startedAt, now));
  const due = Math.max(0, creditsOwed(Math.max(seconds, show.minimumSeconds), show.ratePerMinute) - show.creditsCharged);
  const charge = Math.min(due, balance);
  const creditsCharged = show.creditsCharged + charge;
  const exhausted = balance < due;
  const last = show.lastHeartbeatAt;
  return {
    outcome: exhausted ? "exhausted" : "billed",
    secondsBilled: seconds,
    charge,
    creditsCharged,
    heartbeatAt: last && last > now ? last : now,
    secondsRemaining: exhausted
      ? 0
      : secondsRemaining({ creditsCharged, balance: balance - charge, ratePerMinute: show.ratePerMinute, secondsBilled: seconds }),
  };
}
