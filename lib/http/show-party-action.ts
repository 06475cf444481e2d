import "server-only";
import { actionError, type ActionResult } from "@/lib/http/action-result";
import { requireUser } from "@/lib/server/auth/current-user";
import { requireShowParty } from "@/lib/server/shows/require-show-party";
import { ZShowId } from "@/lib/validations/room";

/**
 * The body of every server action on one private show from the site's UI: the session's user must
 * have the role and be that side of the show (checked on the server), then `act` runs.
 */
export async function showPartyAction(as: "viewer" | "performer", input: unknown, act: (showId: number) => Promise<unknown>): Promise<ActionResult> {
  try {
    const user = await requireUser([as]);
    const { showId } = ZShowId.parse(input);
    await requireShowParty({ showId, userId: user.id, as });
    await act(showId);
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}
