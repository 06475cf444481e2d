-- DropIndex
DROP INDEX "private_shows_status_last_heartbeat_at_idx";

-- =====================================================================================================
-- Hand-written: what Prisma's schema language cannot express (its diff ignores partial indexes and
-- storage parameters, so `npm run db:migration:check` stays clean).
-- =====================================================================================================

-- Heartbeat UPDATEs as HOT updates: a heartbeat changes seconds_billed, credits_charged and
-- last_heartbeat_at of private_shows, and credits of users. With no index on any of those columns,
-- PostgreSQL can write the new row version on the same page without touching any index, provided the
-- page has room: fillfactor 80 keeps 20 % of every page free for that. (The dropped
-- (status, last_heartbeat_at) index was updated by every heartbeat.)
-- The timeout sweep (expire-stale-shows.ts) needs the active shows in id order and filters them by
-- last heartbeat; this partial index holds only the active shows (≤ ~10k rows) and no heartbeat column.
CREATE INDEX "private_shows_active_idx" ON "private_shows"("id") WHERE "status" = 'active';

ALTER TABLE "private_shows" SET (fillfactor = 80);
ALTER TABLE "users" SET (fillfactor = 80);
