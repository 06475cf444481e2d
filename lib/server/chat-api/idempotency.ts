import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

// Idempotency-Key handling for the chat API (API.md "Transport"), on the idempotency_records table.
//
// - Claim: INSERT … ON CONFLICT DO NOTHING. Exactly one of any number of concurrent requests with the
//   same key inserts the row (status NULL = in progress); it runs the handler and stores the answer.
// - The others read the row: another fingerprint → 409 idempotency_conflict; a stored answer → that
//   answer, byte for byte; still in progress → poll until it is stored (up to WAIT_MS), then 409
//   idempotency_conflict "still being processed, retry" (the same key may be retried later).
// - What is stored: every answer the handler produced, i.e. successes and the 4xx business errors, so
//   a retry gets the same answer. Faults (500) are not stored: the row is deleted so that a retry runs
//   again. Refusals that happen before a key is accepted (413, 401, 400 invalid_json / key) never
//   touch the table, nor does a 422 schema violation (the caller checks for a conflict with
//   findConflict and writes nothing; see handle.ts).
// - The body is stored as one JSON *string* holding the exact response text: jsonb would reorder the
//   keys, and a replay must be byte-identical.
// - Crash takeover: if the process dies between the claim and the store, the row would stay in
//   progress forever. A row still in progress STALE_AFTER_MS after its claim is taken over by the next
//   request with the same key and fingerprint (an UPDATE conditioned on the claim time, so one taker
//   wins), which runs the handler again. A store or release is conditioned on the same claim time, so
//   a slow first owner cannot overwrite its successor. The price: if the first owner's effect did
//   commit before the crash, the retry may apply it a second time; no handler holds a transaction
//   anywhere near STALE_AFTER_MS, so only a real crash in that window can cause it.
// - Retention: rows live at least 24 h (API.md); purgeIdempotencyRecords deletes older ones and is
//   called with RETENTION_MS by the periodic sweep.

export const STALE_AFTER_MS = 60_000;
export const WAIT_MS = 5_000;
export const RETENTION_MS = 48 * 60 * 60 * 1000;

/** A response to store and replay: the status and the exact body text. */
export type StoredResponse = { status: number; text: string };

type Claim = { key: string; claimedAt: Date };
type Row = { fingerprint: string; status: number | null; text: string | null; created_at: Date; stale: boolean };

export type IdempotencyOptions = { key: string; fingerprint: string; waitMs?: number; staleAfterMs?: number };

/**
 * Runs `execute` at most once per key (see above) and returns its response, or the stored one with
 * `replayed: true`. `execute` must return every answer meant to be stored and throw on faults.
 */
export async function withIdempotency(
  options: IdempotencyOptions,
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const { key, fingerprint, waitMs = WAIT_MS, staleAfterMs = STALE_AFTER_MS } = options;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    const claim = await tryClaim(key, fingerprint);
    if (claim) return { ...(await runAsOwner(claim, execute)), replayed: false };
    const row = await readRow(key, staleAfterMs);
    // No row: its owner failed and released it between our two statements, so claim it again.
    if (!row && Date.now() < deadline) continue;
    if (!row) throw stillInProgress();
    if (row.fingerprint !== fingerprint) throw conflict();
    if (row.status !== null) return { status: row.status, text: row.text ?? "", replayed: true };
    if (row.stale) {
      const takeover = await tryTakeOver(key, row.created_at);
      if (takeover) return { ...(await runAsOwner(takeover, execute)), replayed: false };
    }
    if (Date.now() >= deadline) throw stillInProgress();
    await sleep(Math.min(25 * 2 ** Math.min(attempt, 3), 200));
  }
}

/** For a request refused before it runs (schema violation): 409 if the key belongs to another request. */
export async function assertNoConflict(key: string, fingerprint: string): Promise<void> {
  const row = await readRow(key, STALE_AFTER_MS);
  if (row && row.fingerprint !== fingerprint) throw conflict();
}

/** Deletes the records created before `olderThan`; returns how many. */
export async function purgeIdempotencyRecords({ olderThan }: { olderThan: Date }): Promise<number> {
  const { count } = await prisma.idempotencyRecord.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}

async function runAsOwner(claim: Claim, execute: () => Promise<StoredResponse>): Promise<StoredResponse> {
  let response: StoredResponse;
  try {
    response = await execute();
  } catch (error) {
    await release(claim).catch((releaseError: unknown) => console.error("idempotency: release failed", releaseError));
    throw error;
  }
  // The effect has happened: answer it even if storing fails (a retry then waits, and after
  // STALE_AFTER_MS takes over, as after a crash).
  await store(claim, response).catch((storeError: unknown) => console.error("idempotency: store failed", storeError));
  return response;
}

async function tryClaim(key: string, fingerprint: string): Promise<Claim | null> {
  const rows = await prisma.$queryRaw<{ created_at: Date }[]>`
    INSERT INTO idempotency_records (key, fingerprint, created_at)
    VALUES (${key}, ${fingerprint}, now())
    ON CONFLICT (key) DO NOTHING
    RETURNING created_at`;
  return rows[0] ? { key, claimedAt: rows[0].created_at } : null;
}

async function tryTakeOver(key: string, claimedAt: Date): Promise<Claim | null> {
  const rows = await prisma.$queryRaw<{ created_at: Date }[]>`
    UPDATE idempotency_records SET created_at = clock_timestamp()
     WHERE key = ${key} AND status IS NULL AND created_at = ${claimedAt}
    RETURNING created_at`;
  return rows[0] ? { key, claimedAt: rows[0].created_at } : null;
}

async function readRow(key: string, staleAfterMs: number): Promise<Row | null> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT fingerprint, status, body #>> '{}' AS text, created_at,
           created_at < now() - ${staleAfterMs}::int * interval '1 millisecond' AS stale
      FROM idempotency_records WHERE key = ${key}`;
  return rows[0] ?? null;
}

async function store(claim: Claim, response: StoredResponse): Promise<void> {
  await prisma.$executeRaw`
    UPDATE idempotency_records
       SET status = ${response.status}, body = to_jsonb(${response.text}::text), completed_at = now()
     WHERE key = ${claim.key} AND status IS NULL AND created_at = ${claim.claimedAt}`;
}

async function release(claim: Claim): Promise<void> {
  await prisma.$executeRaw`
    DELETE FROM idempotency_records WHERE key = ${claim.key} AND status IS NULL AND created_at = ${claim.claimedAt}`;
}

function conflict(): AppError {
  return new AppError("idempotency_conflict", "This Idempotency-Key was already used for a different request.");
}

function stillInProgress(): AppError {
  return new AppError("idempotency_conflict", "A request with this Idempotency-Key is still being processed; retry it later.");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
