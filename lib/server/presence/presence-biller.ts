import "server-only";
import { HEARTBEAT_INTERVAL_SECONDS } from "@/lib/shows/billing";
import { billPresentShows, type PresentShowsResult } from "./bill-present-shows";
import type { PresenceSource } from "./presence-source";

export type PresenceBiller = {
  /** The periodic step: bills every show whose viewer is present here, up to `now`. */
  tick(now?: Date): Promise<PresentShowsResult>;
  /**
   * A presence change in one room at `now`: a viewer who arrives is billed at once (the meter
   * starts without waiting for the tick); one who left is billed once more, up to this moment, and
   * then no more, leaving the show to the timeout rule unless they come back.
   */
  roomChanged(performerId: number, now?: Date): Promise<PresentShowsResult>;
  stop(): void;
};

/**
 * One app instance's presence billing over a presence source. It remembers which shows it last saw
 * present, to bill a departure up to its moment, and sets a timer for a show whose credits run out
 * before the next tick, so that the show ends (credits_exhausted) when they do. Its steps run one at
 * a time, each with the moment it was asked for, so a slow tick cannot undo a later departure.
 */
export function createPresenceBiller(source: PresenceSource): PresenceBiller {
  const present = new Set<number>();
  const runningOut = new Map<number, NodeJS.Timeout>();
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const serial = (step: () => Promise<PresentShowsResult>): Promise<PresentShowsResult> => {
    const next = queue.then(step);
    queue = next.catch(() => undefined);
    return next;
  };

  const remember = (result: PresentShowsResult): PresentShowsResult => {
    for (const show of result.checked) present.delete(show.id);
    for (const show of result.present) present.add(show.id);
    for (const { show, update } of result.billed) {
      clearTimeout(runningOut.get(show.id));
      runningOut.delete(show.id);
      if (stopped || update.status !== "active" || update.secondsRemaining >= HEARTBEAT_INTERVAL_SECONDS) continue;
      // One second past the last affordable one: the step then finds the balance short and ends it.
      const timer = setTimeout(() => {
        runningOut.delete(show.id);
        biller.roomChanged(show.performerId).catch((error) => console.error("presence billing: left to the tick", error));
      }, (update.secondsRemaining + 1) * 1000);
      timer.unref();
      runningOut.set(show.id, timer);
    }
    return result;
  };

  const biller: PresenceBiller = {
    tick(now = new Date()) {
      return serial(async () => {
        const result = await billPresentShows({ source, now });
        // Shows no longer active were not checked: forget them too.
        present.clear();
        return remember(result);
      });
    },
    roomChanged(performerId, now = new Date()) {
      return serial(async () => remember(await billPresentShows({ source, performerId, lost: present, now })));
    },
    stop() {
      stopped = true;
      for (const timer of runningOut.values()) clearTimeout(timer);
      runningOut.clear();
    },
  };
  return biller;
}
