import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";

// Seed helpers for tests: real rows through the same domain functions the site uses.

const unique = () => randomBytes(4).toString("hex");

export async function createViewer(options: { credits?: number; blocked?: boolean } = {}) {
  const name = `viewer_${unique()}`;
  const user = await prisma.user.create({
    data: { email: `${name}@test.local`, username: name, passwordHash: "x", blocked: options.blocked ?? false },
  });
  if (options.credits) {
    await prisma.$transaction((tx) =>
      applyCreditChange(tx, { userId: user.id, delta: options.credits!, kind: "admin_adjustment", reference: "test", idempotencyKey: `test:${unique()}`, reason: "test credits" }),
    );
  }
  return prisma.user.findUniqueOrThrow({ where: { id: user.id } });
}

export async function createPerformer(options: { status?: "online" | "offline"; ratePerMinute?: number; benefitPercent?: string } = {}) {
  const name = `performer_${unique()}`;
  const user = await prisma.user.create({ data: { email: `${name}@test.local`, username: name, passwordHash: "x", role: "performer" } });
  return prisma.performer.create({
    data: {
      userId: user.id, slug: name.replace("_", "-"), displayName: name, status: options.status ?? "online",
      ratePerMinute: options.ratePerMinute ?? 60, benefitPercent: options.benefitPercent ?? "50",
    },
  });
}

export async function ledgerSum(userId: number): Promise<number> {
  const { _sum } = await prisma.ledgerEntry.aggregate({ where: { userId }, _sum: { delta: true } });
  return _sum.delta ?? 0;
}
