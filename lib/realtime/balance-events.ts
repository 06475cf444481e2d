// The events of a signed-in user's own stream (GET /api/events/balance), shared by the route
// (server) and the balance store (client). Types only.

/**
 * A balance and the id of the ledger row that made it. Changes of one user serialise on their row
 * lock, so a larger version is always the newer balance: the browser keeps the largest it has seen,
 * whatever order the snapshot and the notifications reach it in.
 */
export type BalanceUpdate = { credits: number; version: number };

export type BalanceEventMap = { balance: BalanceUpdate };
