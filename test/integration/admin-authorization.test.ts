import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Every admin server action checks the session itself (withAdmin → requireUser(["admin"])), and every
// admin domain function re-checks the acting user's role. Here the real actions run with a mocked
// next-auth session: viewers and performers get `forbidden`, anonymous callers `unauthorized`, and the
// database is byte-for-byte unchanged; then the same calls as an admin succeed (so the inputs were valid).

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: vi.fn(async () => (session.userId === null ? null : { user: { id: session.userId, sessionVersion: 0 } })),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error(`redirect ${url}`), { redirectedTo: url });
  }),
}));

const { prisma } = await import("@/lib/db/prisma");
const performerActions = await import("@/app/admin/performers/actions");
const packActions = await import("@/app/admin/packs/actions");
const userActions = await import("@/app/admin/users/actions");
const reportActions = await import("@/app/admin/reports/actions");
const settingsActions = await import("@/app/admin/settings/actions");
const { createAdmin, createPerformer, createViewer } = await import("@/test/helpers/factories");
const { blob, createTipRow, form, jpegBytes, snapshotDatabase } = await import("@/test/helpers/admin");
const domain = {
  createPerformer: (await import("@/lib/server/performers/create-performer")).createPerformer,
  updatePerformer: (await import("@/lib/server/performers/update-performer")).updatePerformer,
  setPerformerDisabled: (await import("@/lib/server/performers/set-performer-disabled")).setPerformerDisabled,
  forcePerformerOffline: (await import("@/lib/server/performers/force-performer-offline")).forcePerformerOffline,
  addPerformerPhoto: (await import("@/lib/server/performers/add-performer-photo")).addPerformerPhoto,
  changePerformerPhoto: (await import("@/lib/server/performers/change-performer-photo")).changePerformerPhoto,
  createPack: (await import("@/lib/server/packs/create-pack")).createPack,
  updatePack: (await import("@/lib/server/packs/update-pack")).updatePack,
  setPackActive: (await import("@/lib/server/packs/set-pack-active")).setPackActive,
  deletePack: (await import("@/lib/server/packs/delete-pack")).deletePack,
  adjustCredits: (await import("@/lib/server/users/adjust-credits")).adjustCredits,
  setUserBlocked: (await import("@/lib/server/users/set-user-blocked")).setUserBlocked,
  markPaid: (await import("@/lib/server/reports/mark-paid")).markPaid,
  updateSettings: (await import("@/lib/server/settings/update-settings")).updateSettings,
};

const uploadDir = mkdtempSync(path.join(tmpdir(), "admin-auth-uploads-"));
process.env.UPLOAD_DIR = uploadDir;

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;

async function makeWorld() {
  const [admin, viewer, performer, target] = await Promise.all([createAdmin(), createViewer({ credits: 100 }), createPerformer(), createPerformer({ status: "online" })]);
  const customer = await createViewer({ credits: 50 });
  const pack = await prisma.creditPack.create({ data: { seconds: 600, price: "10.00", description: "600 credits" } });
  const tip = await createTipRow({ userId: customer.id, performerId: target.id, date: new Date(), credits: 10, price: "0.167", benefit: "0.100" });
  await prisma.performer.update({ where: { id: target.id }, data: { photos: ["/performers/demo.jpg"] } });
  const performerUser = await prisma.user.findUniqueOrThrow({ where: { id: performer.userId } });
  return { admin, viewer, performerUser, target, customer, pack, tip };
}

beforeAll(async () => {
  world = await makeWorld();
});

beforeEach(() => {
  session.userId = null;
});

const today = new Date().toISOString().slice(0, 10);

/** Each admin action, called the way its form calls it, with inputs an admin would get accepted. */
function actionCalls(w: World): [string, () => Promise<{ ok: boolean; code?: string }>][] {
  const suffix = Math.random().toString(36).slice(2, 8);
  return [
    ["createPerformer", () => performerActions.createPerformerAction(form({
      email: `new_${suffix}@test.local`, username: `new_${suffix}`, password: "long-enough-1", displayName: "New", slug: `new-${suffix}`,
      ratePerMinute: "30", benefitPercent: "60", bio: "", photo: blob(jpegBytes()),
    }))],
    ["updatePerformer", () => performerActions.updatePerformerAction(w.target.id, form({ displayName: "Renamed", slug: `renamed-${suffix}`, ratePerMinute: "40", benefitPercent: "55", bio: "b" }))],
    ["addPhoto", () => performerActions.addPhotoAction(w.target.id, form({ photo: blob(jpegBytes()) }))],
    ["changePhoto", () => performerActions.changePhotoAction(w.target.id, form({ photo: "/performers/demo.jpg", change: "primary" }))],
    ["forceOffline", () => performerActions.forceOfflineAction(w.target.id)],
    ["disablePerformer", () => performerActions.setPerformerDisabledAction(w.target.id, true)],
    ["createPack", () => packActions.createPackAction(form({ credits: "100", price: "2.00", currency: "USD", description: "Small" }))],
    ["updatePack", () => packActions.updatePackAction(w.pack.id, form({ credits: "700", price: "11.00", currency: "USD", description: "700 credits" }))],
    ["setPackActive", () => packActions.setPackActiveAction(w.pack.id, false)],
    ["deletePack", () => packActions.deletePackAction(w.pack.id)],
    ["adjustCredits", () => userActions.adjustCreditsAction(w.customer.id, form({ delta: "25", reason: "goodwill", idempotencyKey: crypto.randomUUID() }))],
    ["blockUser", () => userActions.setUserBlockedAction(w.customer.id, true)],
    ["markPaid", () => reportActions.markPaidAction(form({ performerId: String(w.target.id), from: today, to: today, expectedAmount: "0.100", reference: "" }))],
    ["setPerformerBounds", () => performerActions.setPerformerBoundsAction(w.target.id, form({ private_rate_min: "5", private_rate_max: "500" }))],
    ["updatePriceBounds", () => settingsActions.updatePriceBoundsAction(form(Object.fromEntries(
      ["private_rate", "spy_rate", "group_rate", "ticket_price", "minimum_seconds"].flatMap((k) => [[`${k}_min`, "1"], [`${k}_max`, "900"]]),
    )))],
    ["updateSettings", () => settingsActions.updateSettingsAction(form({ creditValue: "0.02", currency: "USD", paypalReceiverEmail: "", chatProvider: "builtin", webmasterId: "", customCss: "body{color:red}" }))],
  ];
}

describe("admin server actions", () => {
  for (const role of ["viewer", "performer"] as const) {
    it(`refuse a ${role} session with forbidden and change nothing`, async () => {
      session.userId = role === "viewer" ? world.viewer.id : world.performerUser.id;
      const before = await snapshotDatabase();
      for (const [name, call] of actionCalls(world)) {
        const result = await call();
        expect(result, name).toMatchObject({ ok: false, code: "forbidden" });
      }
      expect(await snapshotDatabase()).toBe(before);
    });
  }

  it("refuse an anonymous caller with unauthorized and a blocked admin with unauthorized", async () => {
    const before = await snapshotDatabase();
    for (const [name, call] of actionCalls(world)) expect(await call(), name).toMatchObject({ ok: false, code: "unauthorized" });
    const blockedAdmin = await createAdmin();
    await prisma.user.update({ where: { id: blockedAdmin.id }, data: { blocked: true } });
    const withBlocked = await snapshotDatabase();
    session.userId = blockedAdmin.id;
    for (const [name, call] of actionCalls(world)) expect(await call(), name).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await snapshotDatabase()).toBe(withBlocked);
    expect(before).not.toBe(withBlocked);
  });

  it("accept the same calls from an admin session", async () => {
    session.userId = world.admin.id;
    for (const [name, call] of actionCalls(world)) {
      if (name === "deletePack" || name === "disablePerformer") continue; // checked last: they remove what the others use
      const result = await call().catch((error: { redirectedTo?: string }) => ({ ok: !!error.redirectedTo }));
      expect(result, name).toMatchObject({ ok: true });
    }
    expect(await performerActions.setPerformerDisabledAction(world.target.id, true)).toMatchObject({ ok: true });
    expect(await packActions.deletePackAction(world.pack.id)).toMatchObject({ ok: true });
  });
});

describe("admin domain functions", () => {
  it("refuse a non-admin actor with forbidden, whatever the caller checked before", async () => {
    const w = await makeWorld();
    const before = await snapshotDatabase();
    for (const actor of [w.viewer.id, w.performerUser.id, 999_999]) {
      const calls: [string, () => Promise<unknown>][] = [
        ["createPerformer", () => domain.createPerformer({ actorId: actor, input: { email: "x@test.local", username: "xx_x", password: "long-enough", displayName: "X", slug: "x-x", bio: "", ratePerMinute: 1, benefitPercent: "1" } })],
        ["updatePerformer", () => domain.updatePerformer({ actorId: actor, performerId: w.target.id, input: { displayName: "X", slug: "x-y", bio: "", ratePerMinute: 1, benefitPercent: "1" } })],
        ["setPerformerDisabled", () => domain.setPerformerDisabled({ actorId: actor, performerId: w.target.id, disabled: true })],
        ["forcePerformerOffline", () => domain.forcePerformerOffline({ actorId: actor, performerId: w.target.id })],
        ["addPerformerPhoto", () => domain.addPerformerPhoto({ actorId: actor, performerId: w.target.id, photo: blob(jpegBytes()) })],
        ["changePerformerPhoto", () => domain.changePerformerPhoto({ actorId: actor, performerId: w.target.id, photo: "/performers/demo.jpg", change: "remove" })],
        ["createPack", () => domain.createPack({ actorId: actor, input: { credits: 1, price: "1.00", currency: "USD", description: "x" } })],
        ["updatePack", () => domain.updatePack({ actorId: actor, packId: w.pack.id, input: { credits: 1, price: "1.00", currency: "USD", description: "x" } })],
        ["setPackActive", () => domain.setPackActive({ actorId: actor, packId: w.pack.id, active: false })],
        ["deletePack", () => domain.deletePack({ actorId: actor, packId: w.pack.id })],
        ["adjustCredits", () => domain.adjustCredits({ actorId: actor, userId: w.customer.id, delta: 5, reason: "x", idempotencyKey: crypto.randomUUID() })],
        ["setUserBlocked", () => domain.setUserBlocked({ actorId: actor, userId: w.customer.id, blocked: true })],
        ["markPaid", () => domain.markPaid({ actorId: actor, performerId: w.target.id, from: today, to: today, expectedAmount: "0.100" })],
        ["updateSettings", () => domain.updateSettings({ actorId: actor, input: { currency: "USD", chatProvider: "builtin", customCss: "", spyEnabled: true } })],
      ];
      for (const [name, call] of calls) await expect(call(), name).rejects.toMatchObject({ code: "forbidden", status: 403 });
    }
    expect(await snapshotDatabase()).toBe(before);
  });
});
