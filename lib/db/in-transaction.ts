import { prisma, type Tx } from "./prisma";

/**
 * Runs `fn` in the caller's transaction when it passes one (`db`), else in a transaction of its
 * own. Domain functions take an optional `db?: Tx` so that a chat request can run its effect,
 * its idempotency claim and its stored answer in one transaction (lib/server/chat-api/idempotency.ts),
 * while the UI paths keep calling them without one.
 */
export function inTransaction<T>(
  db: Tx | undefined,
  fn: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return db ? fn(db) : prisma.$transaction(fn, options);
}
