import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { requestShow } from "@/lib/server/shows/request-show";

// Seed helpers for tests: real rows through the same domain functions the site uses.

const unique = () => randomBytes(4).toString("hex");

export async function createViewer(options: { credits?: number; blocked?: boolean; flagged?: boolean } = {}) {
  const name = `viewer_${unique()}`;
  const user = await prisma.user.create({
    data: { email: `${name}@test.local`, username: name, passwordHash: "x", blocked: options.blocked ?? false },
  });
  if (options.credits) {
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: user.id, delta: options.credits!, kind: "admin_adjustment", reference: "test", idempotencyKey: `test:${unique()}`, reason: "test credits" }),
    );
  }
  // After the credit: a positive ledger change clears the flag (a settled reversal).
  if (options.flagged) await prisma.user.update({ where: { id: user.id }, data: { flagged: true } });
  return prisma.user.findUniqueOrThrow({ where: { id: user.id } });
}

export async function createPerformer(
  options: { status?: "online" | "offline"; ratePerMinute?: number; benefitPercent?: string; disabled?: boolean } = {},
) {
  const name = `performer_${unique()}`;
  const user = await prisma.user.create({ data: { email: `${name}@test.local`, username: name, passwordHash: "x", role: "performer" } });
  return prisma.performer.create({
    data: {
      userId: user.id, slug: name.replace("_", "-"), displayName: name, status: options.status ?? "online",
      ratePerMinute: options.ratePerMinute ?? 60, benefitPercent: options.benefitPercent ?? "50", disabled: options.disabled ?? false,
    },
  });
}

export async function ledgerSum(userId: number): Promise<number> {
  const { _sum } = await prisma.ledgerEntry.aggregate({ where: { userId }, _sum: { delta: true } });
  return _sum.delta ?? 0;
}

export async function createAdmin() {
  const name = `admin_${unique()}`;
  return prisma.user.create({ data: { email: `${name}@test.local`, username: name, passwordHash: "x", role: "admin" } });
}

/** Σ of a show's ledger rows, as a positive number of credits charged. */
export async function showLedgerCharged(showId: number): Promise<number> {
  const { _sum } = await prisma.ledgerEntry.aggregate({ where: { reference: `show:${showId}` }, _sum: { delta: true } });
  return 0 - (_sum.delta ?? 0);
}

/** A viewer in an active show with a fresh online performer, started at `startedAt` through the domain functions. */
export async function createActiveShow(options: { credits: number; ratePerMinute?: number; startedAt: Date; billing?: "heartbeat" | "presence" }) {
  const [viewer, performer] = await Promise.all([
    createViewer({ credits: options.credits }),
    createPerformer({ ratePerMinute: options.ratePerMinute ?? 60 }),
  ]);
  const requested = await requestShow({ userId: viewer.id, performerId: performer.id, billing: options.billing, now: options.startedAt });
  const show = await acceptShow({ showId: requested.id, now: options.startedAt });
  return { viewer, performer, show };
}

/**
 * Many active shows at once for batch tests, written set-based (a viewer with `credits` and its
 * ledger row, a performer and an accepted show each): creating 1000 through the domain functions
 * one by one would dominate the test's time.
 */
export async function createActiveShows(options: { count: number; credits: number; ratePerMinute: number; startedAt: Date }) {
  const { count, credits, ratePerMinute, startedAt } = options;
  const tag = unique();
  return prisma.$transaction(async (tx) => {
    const viewers = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO users (email, username, password_hash, credits)
      SELECT 'bv_' || ${tag} || '_' || g || '@test.local', 'bv_' || ${tag} || '_' || g, 'x', ${credits}::int
        FROM generate_series(1, ${count}::int) AS g ORDER BY g RETURNING id`;
    const viewerIds = viewers.map((v) => v.id);
    if (credits > 0) {
      await tx.$executeRaw`
        INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key)
        SELECT id, ${credits}::int, ${credits}::int, 'admin_adjustment', 'test', 'bulk:' || ${tag} || ':' || id FROM unnest(${viewerIds}::int[]) AS id`;
    }
    const performerUsers = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO users (email, username, password_hash, role)
      SELECT 'bp_' || ${tag} || '_' || g || '@test.local', 'bp_' || ${tag} || '_' || g, 'x', 'performer'
        FROM generate_series(1, ${count}::int) AS g ORDER BY g RETURNING id`;
    const performers = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO performers (user_id, display_name, slug, status, rate_per_minute, benefit_percent)
      SELECT id, 'bp_' || id, 'bp-' || ${tag} || '-' || id, 'online', ${ratePerMinute}::int, 50
        FROM unnest(${performerUsers.map((p) => p.id)}::int[]) WITH ORDINALITY AS t(id, n) ORDER BY n RETURNING id`;
    const shows = await tx.$queryRaw<{ id: number; userId: number }[]>`
      INSERT INTO private_shows (user_id, performer_id, status, rate_per_minute, requested_at, started_at, last_heartbeat_at)
      SELECT v, p, 'active', ${ratePerMinute}::int, ${startedAt}, ${startedAt}, ${startedAt}
        FROM unnest(${viewerIds}::int[], ${performers.map((p) => p.id)}::int[]) WITH ORDINALITY AS t(v, p, n) ORDER BY n
      RETURNING id, user_id AS "userId"`;
    return shows;
  });
}
