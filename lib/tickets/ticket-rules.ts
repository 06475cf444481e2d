// Ticket shows: timing rules shared by the server and the studio/room UI.

/** A scheduled show not started this long after its start time is cancelled and every ticket refunded. */
export const TICKET_GRACE_SECONDS = 15 * 60;
/** The performer may go live this early. */
export const TICKET_EARLY_START_SECONDS = 15 * 60;
/** How far ahead a show can be scheduled. */
export const TICKET_MAX_AHEAD_DAYS = 60;

export function refundDeadline(startsAt: Date): Date {
  return new Date(startsAt.getTime() + TICKET_GRACE_SECONDS * 1000);
}
