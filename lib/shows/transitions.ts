import { AppError } from "@/lib/errors";
import type { ShowStatus } from "@/lib/generated/prisma/enums";

// The private-show state machine of API.md as data: requested → active → ended, or
// requested → declined | cancelled. Every domain function asks this table before it moves a show,
// so the contract lives in one place (client-importable: the room's buttons can ask it too).

export type ShowAction = "accept" | "decline" | "cancel" | "heartbeat" | "end";

export const SHOW_TRANSITIONS: Record<ShowStatus, readonly ShowAction[]> = {
  requested: ["accept", "decline", "cancel"],
  active: ["heartbeat", "end"],
  // Ending an ended show answers it unchanged (API.md): allowed, but a no-op.
  ended: ["end"],
  declined: [],
  cancelled: [],
};

const FROM: Record<ShowAction, string> = {
  accept: "only a requested show can be accepted",
  decline: "only a requested show can be declined",
  cancel: "only a requested show can be cancelled",
  heartbeat: "only an active show can be billed",
  end: "only an active show can be ended",
};

export function canTransition(status: ShowStatus, action: ShowAction): boolean {
  return SHOW_TRANSITIONS[status].includes(action);
}

/** The refusal of a step the table does not allow (the batch heartbeat reports it per item). */
export function transitionError(show: { id: number; status: ShowStatus }, action: ShowAction): { code: "invalid_transition"; message: string } {
  return { code: "invalid_transition", message: `Show ${show.id} is ${show.status}; ${FROM[action]}.` };
}

/** Throws invalid_transition (409) unless the table allows `action` from the show's status. */
export function assertTransition(show: { id: number; status: ShowStatus }, action: ShowAction): void {
  if (!canTransition(show.status, action)) throw new AppError("invalid_transition", transitionError(show, action).message);
}
