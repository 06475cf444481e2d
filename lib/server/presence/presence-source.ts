import "server-only";

// Presence billing (built-in chat): the site bills an active show whose `billing` is `presence`
// from what it observes itself, never from the viewer page's say-so. A presence source answers, for
// this app instance, whether each show's viewer is watching right now:
//  - "present": this instance sees the viewer receiving the show; the instance bills it up to now;
//  - "absent":  this instance knows the viewer is not receiving it (connection closed, peer gone);
//  - "unknown": this instance cannot tell (e.g. the viewer's connection is held by another one).
// Only "present" is billed. A show nobody bills is ended by the timeout rule at its last billing,
// so a wrong "absent" or "unknown" can only lose the performer money, never charge the viewer for
// time they did not watch. Several instances may report the same show present at once: billing is
// by elapsed time, so they charge it once.

export type ActiveShowRef = { id: number; userId: number; performerId: number };

export type Presence = "present" | "absent" | "unknown";

export type PresenceSource = {
  /** For logs: "p2p", "janus", … */
  name: string;
  /** One answer per given show id (a missing one counts as "unknown"). Must not throw for one bad show. */
  check(shows: ActiveShowRef[]): Promise<Map<number, Presence>>;
};
