import "server-only";
import { isSerializationFailure } from "@/lib/db/pg-pool";
import type { JsonResult } from "@/lib/http/error-response";
import { recordedAnswer, stillInProgress, WAIT_MS, type StoredRecord, type StoredResponse } from "./idempotency";

// The chat API's hot path (heartbeat, tip): what chatRoute hands a route's `hot` function, and the
// retry loop those functions share. A hot function reads everything it needs in one statement
// (the state, and the Idempotency-Key's record), plans with the same pure rules as the domain
// function, renders its answer, then writes effect + claim + answer in one function call that
// refuses (40001) if what it read has moved. It answers null whenever the case is not the common
// one (a refusal, a show ending, a goal to count): the route then runs its ordinary transaction,
// which owns every rule for those cases.

export type HotRequest = {
  key: string;
  fingerprint: string;
  /** The route's success checked against its response schema, as the text to store and send. */
  render: (result: JsonResult) => StoredResponse;
};

export type HotAnswer = StoredResponse & { replayed: boolean };

/** The lock_timeout of the claim inside a hot write, as the ordinary claim's. */
export const HOT_CLAIM_WAIT = `${WAIT_MS}ms`;

/** What an attempt found: an answer, a reason to read again, or "not the hot case". */
export type HotStep = HotAnswer | "again" | null;

/** Runs `attempt` until it answers, at most `attempts` times; a guarded write that refused reads again. */
export async function retryHot(attempt: () => Promise<HotStep>, attempts = 3): Promise<HotAnswer | null> {
  for (let i = 0; i < attempts; i += 1) {
    let step: HotStep;
    try {
      step = await attempt();
    } catch (error) {
      // lock_not_available: the claim waited HOT_CLAIM_WAIT for another request with the same key.
      if ((error as { code?: unknown } | null)?.code === "55P03") throw stillInProgress();
      if (!isSerializationFailure(error)) throw error;
      step = "again";
    }
    if (step !== "again") return step;
  }
  return null;
}

/**
 * The key's record as read beside the state: its replay (or a 409 for another request's key),
 * "none" when there is no record yet, null when its owner is still running (the ordinary path waits).
 */
export function hotReplay(record: StoredRecord | null, fingerprint: string): HotAnswer | "none" | null {
  if (!record) return "none";
  const stored = recordedAnswer(record, fingerprint);
  return stored && { ...stored, replayed: true };
}
