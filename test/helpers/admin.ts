import { prisma } from "@/lib/db/prisma";

// Helpers for the admin tests: form data as a browser sends it, images by their first bytes, and a
// snapshot of everything an admin action can change (to prove a refused action changed nothing).

export function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** A tiny valid JPEG header + body: enough for magic-byte detection (browsers are not involved). */
export function jpegBytes(extra = 64): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, ...new Array(extra).fill(7), 0xff, 0xd9]);
}

export const pngBytes = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
export const webpBytes = () => new Uint8Array([0x52, 0x49, 0x46, 0x46, 8, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);

export const blob = (bytes: Uint8Array, type = "image/jpeg") => new Blob([Buffer.from(bytes)], { type });

/** Every row an admin action may touch, serialised, so "changed nothing" is one equality. */
export async function snapshotDatabase(): Promise<string> {
  const tables = await Promise.all([
    prisma.user.findMany({ orderBy: { id: "asc" } }),
    prisma.performer.findMany({ orderBy: { id: "asc" } }),
    prisma.creditPack.findMany({ orderBy: { id: "asc" } }),
    prisma.ledgerEntry.findMany({ orderBy: { id: "asc" } }),
    prisma.payout.findMany({ orderBy: { id: "asc" } }),
    prisma.tip.findMany({ orderBy: { id: "asc" } }),
    prisma.privateShow.findMany({ orderBy: { id: "asc" } }),
    prisma.setting.findMany(),
  ]);
  return JSON.stringify(tables, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

/** A ppv_tips row written directly (reports only read them), with optional show seconds. */
export async function createTipRow(options: {
  userId: number;
  performerId: number;
  date: Date;
  credits: number;
  price: string;
  benefit: string;
  show?: { seconds: number };
}) {
  let showId: number | undefined;
  if (options.show) {
    const show = await prisma.privateShow.create({
      data: {
        userId: options.userId, performerId: options.performerId, status: "ended", ratePerMinute: 60, requestedAt: options.date,
        startedAt: options.date, endedAt: options.date, secondsBilled: options.show.seconds, creditsCharged: options.credits, endReason: "user_left",
      },
    });
    showId = show.id;
  }
  return prisma.tip.create({
    data: {
      action: options.show ? "liveshow" : "tips", userId: options.userId, performerId: options.performerId, date: options.date,
      credits: options.credits, price: options.price, performerBenefit: options.benefit, showId,
    },
  });
}
