import "server-only";

// One NOTIFY channel for every balance change, not one per user: a batch heartbeat changes up to a
// thousand balances, which go out as a few notifications of many entries each instead of a thousand,
// and an instance LISTENs once instead of once per signed-in user (PostgreSQL matches each
// notification against a backend's channel list one by one). Each instance routes entries to its own
// users' streams (balance-feed.ts).

export const BALANCE_CHANNEL = "balances";

/** Entries per notification: `[userId, credits, version]` is at most ~40 bytes, so 150 stay far below the 8000-byte limit. */
export const BALANCE_ENTRIES_PER_NOTIFICATION = 150;

/** `{"b": [[userId, credits, version], ...]}`, built by the ledger's SQL. */
export type BalanceMessage = { b: [number, number, number | string][] };
