import bcrypt from "bcryptjs";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/prisma";
import { applyCreditChange } from "@/lib/server/ledger/apply-credit-change";
import { creditValueFromPack, performerBenefit, priceOfCredits } from "@/lib/server/money/compute-price";
import { DEMO_PASSWORD, demoAdmin, demoPacks, demoPerformerEmail, demoPerformers, demoViewers } from "./demo-data";

// Loads the demo world into an empty database, in one transaction: a crash leaves nothing half
// done, and a database that already has users is left alone (so running it twice changes nothing).
export async function seedDemoData(prisma: PrismaClient): Promise<boolean> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242)`;
      if ((await tx.user.count()) > 0) return false;
      await tx.user.create({ data: { ...demoAdmin, passwordHash, role: "admin" } });
      const packs = [];
      for (const pack of demoPacks) packs.push(await tx.creditPack.create({ data: pack }));
      const firstPack = packs[0]!;
      const performers = [];
      for (const p of demoPerformers) {
        const user = await tx.user.create({
          data: { email: demoPerformerEmail(p.slug), username: p.slug.replace("-", "_"), passwordHash, role: "performer", avatar: `/performers/${p.slug}.jpg` },
        });
        const { slug, displayName, status, ratePerMinute, benefitPercent, bio, tags } = p;
        performers.push(
          await tx.performer.create({
            data: { userId: user.id, slug, displayName, status, ratePerMinute, benefitPercent, bio, tags, photos: [`/performers/${slug}.jpg`] },
          }),
        );
      }
      const creditValue = creditValueFromPack(firstPack);
      for (const [index, v] of demoViewers.entries()) {
        const viewer = await tx.user.create({ data: { email: v.email, username: v.username, gender: v.gender, passwordHash } });
        await buyDemoCredits(tx, viewer.id, firstPack, index, v.credits);
        await tipAndShow(tx, viewer.id, performers[index]!, creditValue, index);
      }
      return true;
    },
    { timeout: 60_000 },
  );
}

type Pack = { id: number; seconds: number; price: Prisma.Decimal; description: string; currency: string };
type Performer = { id: number; ratePerMinute: number; benefitPercent: Prisma.Decimal };
async function buyDemoCredits(tx: Tx, userId: number, pack: Pack, index: number, credits: number): Promise<void> {
  const txnId = `DEMO${String(index + 1).padStart(13, "0")}`;
  await tx.purchase.create({
    data: {
      txnId, userId, credits, itemId: pack.id, itemName: pack.description, currency: pack.currency, source: "ipn",
      price: pack.price.mul(credits).div(pack.seconds).toDecimalPlaces(2), log: "demo data: not a real PayPal transaction",
    },
  });
  await applyCreditChange(tx, { userId, delta: credits, kind: "purchase", reference: `paypal:${txnId}`, idempotencyKey: `paypal:${txnId}` });
}

async function tipAndShow(tx: Tx, userId: number, performer: Performer, creditValue: Prisma.Decimal, index: number): Promise<void> {
  const day = 24 * 60 * 60 * 1000;
  const tipDate = new Date(Date.now() - (index + 1) * day);
  const tipCredits = 50 * (index + 1);
  const tipPrice = priceOfCredits(tipCredits, creditValue);
  const tip = await tx.tip.create({
    data: { date: tipDate, action: "tips", userId, performerId: performer.id, credits: tipCredits, price: tipPrice, performerBenefit: performerBenefit(tipPrice, performer.benefitPercent) },
  });
  await applyCreditChange(tx, { userId, delta: -tipCredits, kind: "tip", reference: `tip:${tip.id}`, idempotencyKey: `seed:tip:${tip.id}` });

  const seconds = 95 + index * 60;
  const startedAt = new Date(tipDate.getTime() + 60_000);
  const endedAt = new Date(startedAt.getTime() + seconds * 1000);
  const credits = Math.ceil((seconds * performer.ratePerMinute) / 60);
  const show = await tx.privateShow.create({
    data: {
      userId, performerId: performer.id, status: "ended", ratePerMinute: performer.ratePerMinute, requestedAt: tipDate,
      startedAt, endedAt, lastHeartbeatAt: endedAt, secondsBilled: seconds, creditsCharged: credits, endReason: "user_left",
    },
  });
  await applyCreditChange(tx, { userId, delta: -credits, kind: "show", reference: `show:${show.id}`, idempotencyKey: `show:${show.id}:seed` });
  const price = priceOfCredits(credits, creditValue);
  await tx.tip.create({
    data: { date: endedAt, action: "liveshow", userId, performerId: performer.id, credits, price, performerBenefit: performerBenefit(price, performer.benefitPercent), showId: show.id },
  });
}
