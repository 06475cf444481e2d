import "server-only";
import { prisma, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

// Idempotency-Key handling for the chat API (API.md "Transport"), on the idempotency_records table.
//
// One transaction per mutating request: the claim, the domain's effect and the stored answer commit
// together or not at all.
// - Claim: INSERT … ON CONFLICT DO NOTHING, first statement of the request's transaction. Exactly one
//   of any number of concurrent requests with the same key inserts the row; the others block on the
//   unique index until that transaction ends. If it committed, they read its stored answer (another
//   fingerprint → 409 idempotency_conflict; the same → that answer, byte for byte, `replayed`). If it
//   rolled back, their INSERT goes through and they are the owner. A duplicate waits at most WAIT_MS
//   (lock_timeout, set by the claim itself for its own wait) and then gets 409 idempotency_conflict
//   "still being processed, retry" (the same key may be retried later).
// - Effect: the handler runs in the same transaction (`tx`), after `SAVEPOINT chat_effect`. A refusal
//   (an AppError below 500, a domain ZodError) rolls back to the savepoint — the domain's writes go,
//   the claim stays — and is stored like a success, so a retry gets the same answer even if the
//   world changed meanwhile.
// - Store: an UPDATE of the claimed row, then the one COMMIT. NOTIFYs sent by the domain are
//   delivered by PostgreSQL on that commit.
// - A fault (anything else, including a failed store or commit) rolls everything back, the claim
//   included, so nothing is stored and a retry runs again. There is no window in which an effect is
//   committed without its stored answer, so no crash takeover is needed: a row is either absent,
//   owned by a running transaction (invisible and blocking), or complete. A committed row without an
//   answer can only be left by the earlier three-transaction scheme; it is taken over at once.
// - Refusals that happen before a key is accepted (413, 401, 400 invalid_json / key) never touch the
//   table, nor does a 422 schema violation (the caller only checks for a conflict with
//   assertNoConflict and writes nothing; see handle.ts).
// - The body is stored as one JSON *string* holding the exact response text: jsonb would reorder the
//   keys, and a replay must be byte-identical.
// - Retention: rows live at least 24 h (API.md); purgeIdempotencyRecords deletes older ones and is
//   called with RETENTION_MS by the periodic sweep.

export const WAIT_MS = 5_000;
export const RETENTION_MS = 48 * 60 * 60 * 1000;

/** A response to store and replay: the status and the exact body text. */
export type StoredResponse = { status: number; text: string };

/** An idempotency record as read: its request's fingerprint and, once complete, its answer. */
export type StoredRecord = { fingerprint: string; status: number | null; text: string | null };

export type IdempotencyOptions = {
  key: string;
  fingerprint: string;
  /** How long a duplicate waits for the running owner of its key before 409. */
  waitMs?: number;
  /** The stored answer for an error that is a refusal rather than a fault, or null for a fault. */
  refusal?: (error: unknown) => StoredResponse | null;
};

/**
 * Runs `execute` at most once per key (see above), in one transaction with the claim and the stored
 * answer, and returns its response, or the stored one with `replayed: true`. `execute` returns a
 * success and throws refusals (answered through `options.refusal`) and faults.
 */
export async function withIdempotency(
  options: IdempotencyOptions,
  execute: (tx: Tx) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const { key, fingerprint, waitMs = WAIT_MS, refusal } = options;
  try {
    return await prisma.$transaction(async (tx) => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        if (await claim(tx, key, fingerprint, waitMs)) return { ...(await runAsOwner(tx, key, execute, refusal)), replayed: false };
        const row = await readRow(tx, key);
        // No row: purged between our two statements; claim it again.
        if (!row) continue;
        const stored = recordedAnswer(row, fingerprint);
        if (stored) return { ...stored, replayed: true };
        if (await takeOver(tx, key)) return { ...(await runAsOwner(tx, key, execute, refusal)), replayed: false };
      }
      throw stillInProgress();
    });
  } catch (error) {
    if (isLockTimeout(error)) throw stillInProgress();
    throw error;
  }
}

/** A complete record's answer; null while its owner runs; 409 if it belongs to another request. */
export function recordedAnswer(record: StoredRecord, fingerprint: string): StoredResponse | null {
  if (record.fingerprint !== fingerprint) throw conflict();
  return record.status === null ? null : { status: record.status, text: record.text ?? "" };
}

/** For a request refused before it runs (schema violation): 409 if the key belongs to another request. */
export async function assertNoConflict(key: string, fingerprint: string): Promise<void> {
  const row = await readRow(prisma, key);
  if (row && row.fingerprint !== fingerprint) throw conflict();
}

/** Deletes the records created before `olderThan`; returns how many. */
export async function purgeIdempotencyRecords({ olderThan }: { olderThan: Date }): Promise<number> {
  const { count } = await prisma.idempotencyRecord.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}

async function runAsOwner(
  tx: Tx,
  key: string,
  execute: (tx: Tx) => Promise<StoredResponse>,
  refusal: IdempotencyOptions["refusal"],
): Promise<StoredResponse> {
  let response: StoredResponse;
  if (refusal) await tx.$executeRaw`SAVEPOINT chat_effect`;
  try {
    response = await execute(tx);
  } catch (error) {
    const answer = refusal?.(error);
    if (!answer) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT chat_effect`;
    response = answer;
  }
  await tx.$executeRaw`
    UPDATE idempotency_records
       SET status = ${response.status}, body = to_jsonb(${response.text}::text), completed_at = now()
     WHERE key = ${key}`;
  return response;
}

// The claim sets lock_timeout for its own wait on a concurrent owner and, when it inserts, restores
// the previous value in the same statement, so the domain's lock waits are not limited by it.
async function claim(tx: Tx, key: string, fingerprint: string, waitMs: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ restored: string }[]>`
    WITH cfg AS (SELECT current_setting('lock_timeout') AS before, set_config('lock_timeout', ${`${Math.max(1, Math.round(waitMs))}ms`}, true))
    INSERT INTO idempotency_records (key, fingerprint, created_at)
    SELECT ${key}, ${fingerprint}, now() FROM cfg
    ON CONFLICT (key) DO NOTHING
    RETURNING set_config('lock_timeout', (SELECT before FROM cfg), true) AS restored`;
  return rows.length > 0;
}

async function takeOver(tx: Tx, key: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ key: string }[]>`
    UPDATE idempotency_records SET created_at = now() WHERE key = ${key} AND status IS NULL RETURNING key`;
  return rows.length > 0;
}

async function readRow(db: Tx | typeof prisma, key: string): Promise<StoredRecord | null> {
  const rows = await db.$queryRaw<StoredRecord[]>`
    SELECT fingerprint, status, body #>> '{}' AS text FROM idempotency_records WHERE key = ${key}`;
  return rows[0] ?? null;
}

/** PostgreSQL's lock_not_available (55P03), as the driver adapter reports it. */
function isLockTimeout(error: unknown): boolean {
  const meta = (error as { meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  return (meta?.driverAdapterError?.cause?.originalCode ?? meta?.code) === "55P03";
}

function conflict(): AppError {
  return new AppError("idempotency_conflict", "This Idempotency-Key was already used for a different request.");
}

export function stillInProgress(): AppError {
  return new AppError("idempotency_conflict", "A request with this Idempotency-Key is still being processed; retry it later.");
}
