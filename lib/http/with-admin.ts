import "server-only";
import { actionError, type ActionResult } from "@/lib/http/action-result";
import { requireUser, type CurrentUser } from "@/lib/server/auth/current-user";

/**
 * The one wrapper of every admin server action: checks the session on the server (proxy.ts is only a
 * first, cheap filter, and a server action can be posted to any path), runs the action, and turns any
 * refusal or fault into an ActionResult instead of a thrown error.
 */
export async function withAdmin<T = undefined>(run: (admin: CurrentUser) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const admin = await requireUser(["admin"]);
    return { ok: true, data: await run(admin) };
  } catch (error) {
    return actionError(error);
  }
}
