"use server";

import { revalidatePath } from "next/cache";
import { actionError, type ActionResult } from "@/lib/http/action-result";
import { formFields } from "@/lib/http/form-fields";
import { showPartyAction } from "@/lib/http/show-party-action";
import { requireUser } from "@/lib/server/auth/current-user";
import { getPerformerOfUser } from "@/lib/server/performers/get-performer-of-user";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { setPerformerTags } from "@/lib/server/performers/set-performer-tags";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { declineShow } from "@/lib/server/shows/decline-show";
import { endShow } from "@/lib/server/shows/end-show";
import { ZPerformerTags } from "@/lib/validations/performer-tags";
import { endGoal } from "@/lib/server/goals/end-goal";
import { endGroupShow } from "@/lib/server/group-shows/end-group-show";
import { getOpenGroupShowId } from "@/lib/server/group-shows/get-open-group-show-id";
import { openGroupShow } from "@/lib/server/group-shows/open-group-show";
import { startGroupShow } from "@/lib/server/group-shows/start-group-show";
import { cancelTicketShow } from "@/lib/server/ticket-shows/cancel-ticket-show";
import { requireOwnTicketShow } from "@/lib/server/ticket-shows/require-own-ticket-show";
import { scheduleTicketShow } from "@/lib/server/ticket-shows/schedule-ticket-show";
import { endTicketShow, startTicketShow } from "@/lib/server/ticket-shows/start-ticket-show";
import { startGoal } from "@/lib/server/goals/start-goal";
import { setPerformerPrices } from "@/lib/server/prices/set-performer-prices";
import { setTipMenu } from "@/lib/server/tip-menu/set-tip-menu";
import { setSpiesAllowed } from "@/lib/server/shows/set-spies-allowed";
import { ZPerformerPrices } from "@/lib/validations/prices";
import { ZGoal, ZTipMenuText } from "@/lib/validations/tip-menu";
import { ZOpenGroupForm, ZPerformerStatus, ZScheduleTicketForm, ZSpiesAllowed, ZTicketShowId, ZTicketShowVerb } from "@/lib/validations/room";

// The performer's side: their own status and the shows of their own room only (checked on the
// server for every call). Used by the studio and by the performer's view of their room.

export async function setStatusAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  try {
    const user = await requireUser(["performer"]);
    const { status } = ZPerformerStatus.parse(input);
    const performer = await getPerformerOfUser(user.id);
    const card = await setPerformerStatus({ performerId: performer.id, status });
    revalidatePath("/studio");
    return { ok: true, data: { status: card.status } };
  } catch (error) {
    return actionError(error);
  }
}

export async function acceptShowAction(input: unknown): Promise<ActionResult> {
  return showPartyAction("performer", input, (showId) => acceptShow({ showId }));
}

export async function declineShowAction(input: unknown): Promise<ActionResult> {
  return showPartyAction("performer", input, (showId) => declineShow({ showId }));
}

export async function endShowAsPerformerAction(input: unknown): Promise<ActionResult> {
  return showPartyAction("performer", input, (showId) => endShow({ showId, reason: "performer_left" }));
}

export async function setOwnTagsAction(formData: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser(["performer"]);
    const { tags } = ZPerformerTags.parse(formFields(formData));
    const performer = await getPerformerOfUser(user.id);
    await setPerformerTags({ performerId: performer.id, tags, actor: user });
    revalidatePath("/studio");
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}

export async function setPricesAction(formData: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser(["performer"]);
    const prices = ZPerformerPrices.parse(formFields(formData));
    const performer = await getPerformerOfUser(user.id);
    await setPerformerPrices({ performerId: performer.id, prices });
    revalidatePath("/studio");
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}

export async function setSpiesAllowedAction(input: unknown): Promise<ActionResult> {
  const parsed = ZSpiesAllowed.safeParse(input);
  if (!parsed.success) return actionError(parsed.error);
  return showPartyAction("performer", input, (showId) => setSpiesAllowed({ showId, allowed: parsed.data.allowed }));
}

/** The performer's own profile, for the studio's form actions (a session user with the performer role). */
async function studioAction(run: (performerId: number) => Promise<unknown>): Promise<ActionResult> {
  try {
    const user = await requireUser(["performer"]);
    const performer = await getPerformerOfUser(user.id);
    await run(performer.id);
    revalidatePath("/studio");
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}

export async function setTipMenuAction(formData: FormData): Promise<ActionResult> {
  return studioAction((performerId) => setTipMenu({ performerId, items: ZTipMenuText.parse(formFields(formData).menu ?? "") }));
}

export async function startGoalAction(formData: FormData): Promise<ActionResult> {
  return studioAction((performerId) => startGoal({ performerId, ...ZGoal.parse(formFields(formData)) }));
}

export async function endGoalAction(): Promise<ActionResult> {
  return studioAction((performerId) => endGoal({ performerId }));
}

export async function openGroupAction(formData: FormData): Promise<ActionResult> {
  return studioAction(async (performerId) => {
    const { minViewers, waitMinutes } = ZOpenGroupForm.parse(formFields(formData));
    await openGroupShow({ performerId, minViewers, waitSeconds: waitMinutes * 60 });
  });
}

export async function startGroupAction(): Promise<ActionResult> {
  return studioAction(async (performerId) => startGroupShow({ groupShowId: await getOpenGroupShowId(performerId) }));
}

export async function endGroupAction(): Promise<ActionResult> {
  return studioAction(async (performerId) => endGroupShow({ groupShowId: await getOpenGroupShowId(performerId) }));
}

export async function scheduleTicketAction(formData: FormData): Promise<ActionResult> {
  return studioAction((performerId) => scheduleTicketShow({ performerId, ...ZScheduleTicketForm.parse(formFields(formData)) }));
}

/** start, end or cancel one of the performer's own ticket shows. */
export async function ticketShowAction(verb: "start" | "end" | "cancel", input: unknown): Promise<ActionResult> {
  return studioAction(async (performerId) => {
    const { ticketShowId } = ZTicketShowId.parse(input);
    const checked = ZTicketShowVerb.parse(verb);
    await requireOwnTicketShow(performerId, ticketShowId);
    const run = { start: startTicketShow, end: endTicketShow, cancel: cancelTicketShow }[checked];
    await run({ ticketShowId });
  });
}
