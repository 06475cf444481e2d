"use server";

import { actionError, type ActionResult } from "@/lib/http/action-result";
import { showPartyAction } from "@/lib/http/show-party-action";
import { requireUser } from "@/lib/server/auth/current-user";
import { cancelShow } from "@/lib/server/shows/cancel-show";
import { endShow } from "@/lib/server/shows/end-show";
import { requestShowInRoom } from "@/lib/server/shows/request-show-in-room";
import { setFollow } from "@/lib/server/follows/set-follow";
import { joinGroupShowInRoom } from "@/lib/server/group-shows/join-group-show-in-room";
import { spyInRoom } from "@/lib/server/shows/spy-in-room";
import { buyTicket } from "@/lib/server/ticket-shows/buy-ticket";
import { tipInRoom } from "@/lib/server/tips/tip-in-room";
import { ZFollowRequest, ZGroupShowId, ZMenuTipRequest, ZPerformerId, ZTicketShowId, ZTipRequest } from "@/lib/validations/room";

// The viewer's side of a room. Each action re-checks the session's user and role on the server
// and acts only on that user's own shows; every rule about money is in the domain function.

export async function tipAction(input: unknown): Promise<ActionResult<{ tipId: number; credits: number }>> {
  try {
    const user = await requireUser(["viewer"]);
    const { performerId, credits, key } = ZTipRequest.parse(input);
    const sent = await tipInRoom({ user, performerId, credits, key });
    return { ok: true, data: { tipId: sent.tip.id, credits: sent.user.credits } };
  } catch (error) {
    return actionError(error);
  }
}

export async function menuTipAction(input: unknown): Promise<ActionResult<{ tipId: number; credits: number }>> {
  try {
    const user = await requireUser(["viewer"]);
    const { performerId, credits, key, menuItemId } = ZMenuTipRequest.parse(input);
    const sent = await tipInRoom({ user, performerId, credits, key, menuItemId });
    return { ok: true, data: { tipId: sent.tip.id, credits: sent.user.credits } };
  } catch (error) {
    return actionError(error);
  }
}

export async function requestShowAction(input: unknown): Promise<ActionResult<{ showId: number }>> {
  try {
    const user = await requireUser(["viewer"]);
    const { performerId } = ZPerformerId.parse(input);
    const show = await requestShowInRoom({ userId: user.id, performerId });
    return { ok: true, data: { showId: show.id } };
  } catch (error) {
    return actionError(error);
  }
}

export async function cancelShowAction(input: unknown): Promise<ActionResult> {
  return showPartyAction("viewer", input, (showId) => cancelShow({ showId }));
}

export async function endShowAsViewerAction(input: unknown): Promise<ActionResult> {
  return showPartyAction("viewer", input, (showId) => endShow({ showId, reason: "user_left" }));
}

export async function setFollowAction(input: unknown): Promise<ActionResult<{ following: boolean }>> {
  try {
    const user = await requireUser(["viewer"]);
    const { performerId, follow } = ZFollowRequest.parse(input);
    return { ok: true, data: await setFollow({ userId: user.id, performerId, follow }) };
  } catch (error) {
    return actionError(error);
  }
}

export async function spyAction(input: unknown): Promise<ActionResult<{ showId: number }>> {
  try {
    const user = await requireUser(["viewer"]);
    const { performerId } = ZPerformerId.parse(input);
    const session = await spyInRoom({ userId: user.id, performerId });
    return { ok: true, data: { showId: session.id } };
  } catch (error) {
    return actionError(error);
  }
}

export async function joinGroupAction(input: unknown): Promise<ActionResult<{ showId: number }>> {
  try {
    const user = await requireUser(["viewer"]);
    const { groupShowId } = ZGroupShowId.parse(input);
    const seat = await joinGroupShowInRoom({ userId: user.id, groupShowId });
    return { ok: true, data: { showId: seat.id } };
  } catch (error) {
    return actionError(error);
  }
}

export async function buyTicketAction(input: unknown): Promise<ActionResult<{ credits: number }>> {
  try {
    const user = await requireUser(["viewer"]);
    const { ticketShowId } = ZTicketShowId.parse(input);
    const bought = await buyTicket({ userId: user.id, ticketShowId });
    return { ok: true, data: { credits: bought.user.credits } };
  } catch (error) {
    return actionError(error);
  }
}
