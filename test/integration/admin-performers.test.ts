import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { verifyLogin } from "@/lib/server/auth/verify-login";
import { addPerformerPhoto, MAX_PERFORMER_PHOTOS } from "@/lib/server/performers/add-performer-photo";
import { changePerformerPhoto } from "@/lib/server/performers/change-performer-photo";
import { createPerformer } from "@/lib/server/performers/create-performer";
import { forcePerformerOffline } from "@/lib/server/performers/force-performer-offline";
import { listAdminPerformers } from "@/lib/server/performers/list-admin-performers";
import { listPerformers } from "@/lib/server/performers/list-performers";
import { setPerformerDisabled } from "@/lib/server/performers/set-performer-disabled";
import { updatePerformer } from "@/lib/server/performers/update-performer";
import { acceptShow } from "@/lib/server/shows/accept-show";
import { requestShow } from "@/lib/server/shows/request-show";
import { setUserBlocked } from "@/lib/server/users/set-user-blocked";
import { ZCreatePerformer, ZPerformerProfile } from "@/lib/validations/admin/performer";
import { blob, jpegBytes, pngBytes } from "@/test/helpers/admin";
import { createAdmin, createPerformer as createPerformerRow, createViewer } from "@/test/helpers/factories";

const uploadDir = mkdtempSync(path.join(tmpdir(), "admin-performers-"));
let adminId: number;

beforeAll(async () => {
  adminId = (await createAdmin()).id;
});

let n = 0;
function input(overrides: Partial<Record<string, string>> = {}) {
  n += 1;
  return ZCreatePerformer.parse({
    email: `Star${n}@Test.Local`, username: `star_${n}`, password: "initial-pass-1", displayName: `Star ${n}`, slug: `star-${n}`,
    bio: "Hello", ratePerMinute: "45", benefitPercent: "62.5", ...overrides,
  });
}

describe("createPerformer", () => {
  it("creates the login and the profile together, with the photo on the wall", async () => {
    const data = input();
    const { id, userId } = await createPerformer({ actorId: adminId, input: data, photo: blob(jpegBytes()), uploadDir });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: data.email.toLowerCase(), username: data.username, role: "performer", blocked: false });
    expect(await verifyLogin({ email: data.email, password: "initial-pass-1", clientAddress: "192.0.2.1" })).toMatchObject({ id: userId, role: "performer" });
    const performer = await prisma.performer.findUniqueOrThrow({ where: { id } });
    expect(performer).toMatchObject({ displayName: data.displayName, slug: data.slug, ratePerMinute: 45, status: "offline", disabled: false });
    expect(performer.benefitPercent.toFixed(2)).toBe("62.50");
    expect(performer.photos).toHaveLength(1);
    expect(performer.photos[0]).toMatch(/^\/uploads\/[0-9a-f]{32}\.jpg$/);
    expect(existsSync(path.join(uploadDir, performer.photos[0]!.slice("/uploads/".length)))).toBe(true);
    expect((await listPerformers()).find((p) => p.id === id)).toMatchObject({ image: performer.photos[0], status: "offline" });
  });

  it("writes nothing, and removes the stored photo, when the e-mail, username or slug is taken", async () => {
    const first = input();
    await createPerformer({ actorId: adminId, input: first, uploadDir });
    const files = readdirSync(uploadDir).length;
    const [users, performers] = [await prisma.user.count(), await prisma.performer.count()];
    const cases = [
      [{ email: first.email }, "email"],
      [{ username: first.username }, "username"],
      [{ slug: first.slug }, "slug"],
    ] as const;
    for (const [overrides, field] of cases) {
      await expect(createPerformer({ actorId: adminId, input: input(overrides), photo: blob(jpegBytes()), uploadDir }))
        .rejects.toMatchObject({ code: "conflict", fields: { [field]: expect.any(String) } });
    }
    expect([await prisma.user.count(), await prisma.performer.count()]).toEqual([users, performers]);
    expect(readdirSync(uploadDir)).toHaveLength(files);
  });

  it("refuses a photo that is not JPEG, PNG or WebP before writing anything", async () => {
    const users = await prisma.user.count();
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    await expect(createPerformer({ actorId: adminId, input: input(), photo: blob(html, "image/jpeg"), uploadDir }))
      .rejects.toMatchObject({ code: "invalid_request", fields: { photo: expect.stringMatching(/JPEG, PNG or WebP/) } });
    expect(await prisma.user.count()).toBe(users);
  });

  it("validates the form with field errors", () => {
    const result = ZCreatePerformer.safeParse({ email: "nope", username: "a", password: "short", displayName: "", slug: "Bad Slug", ratePerMinute: "0", benefitPercent: "101" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["email", "username", "password", "displayName", "slug", "ratePerMinute", "benefitPercent"]));
    expect(ZPerformerProfile.safeParse({ displayName: "x", slug: "ok-slug", ratePerMinute: "1.5", benefitPercent: "50.123" }).success).toBe(false);
  });
});

describe("updatePerformer", () => {
  it("edits the profile and refuses a taken slug with a field error", async () => {
    const [a, b] = await Promise.all([createPerformerRow(), createPerformerRow()]);
    await updatePerformer({ actorId: adminId, performerId: a.id, input: ZPerformerProfile.parse({ displayName: "Renamed", slug: "renamed-a", bio: "New bio", ratePerMinute: "90", benefitPercent: "70" }) });
    const updated = await prisma.performer.findUniqueOrThrow({ where: { id: a.id } });
    expect(updated).toMatchObject({ displayName: "Renamed", slug: "renamed-a", bio: "New bio", ratePerMinute: 90 });
    await expect(updatePerformer({ actorId: adminId, performerId: b.id, input: ZPerformerProfile.parse({ displayName: "B", slug: "renamed-a", ratePerMinute: "10", benefitPercent: "50" }) }))
      .rejects.toMatchObject({ code: "conflict", fields: { slug: expect.any(String) } });
    await expect(updatePerformer({ actorId: adminId, performerId: 999_999, input: ZPerformerProfile.parse({ displayName: "B", slug: "zz", ratePerMinute: "10", benefitPercent: "50" }) }))
      .rejects.toMatchObject({ code: "not_found" });
  });
});

describe("setPerformerDisabled and forcePerformerOffline", () => {
  it("disabling blocks the login, hides the profile, ends the running show and declines waiting requests", async () => {
    const performer = await createPerformerRow({ status: "online", ratePerMinute: 60 });
    const [waiting, watching] = await Promise.all([createViewer({ credits: 500 }), createViewer({ credits: 500 })]);
    const start = new Date(Date.now() - 30_000);
    const request = await requestShow({ userId: waiting.id, performerId: performer.id, now: start });
    const show = await acceptShow({ showId: (await requestShow({ userId: watching.id, performerId: performer.id, now: start })).id, now: start });

    await setPerformerDisabled({ actorId: adminId, performerId: performer.id, disabled: true });

    const [after, user, ended, declined] = await Promise.all([
      prisma.performer.findUniqueOrThrow({ where: { id: performer.id } }),
      prisma.user.findUniqueOrThrow({ where: { id: performer.userId } }),
      prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } }),
      prisma.privateShow.findUniqueOrThrow({ where: { id: request.id } }),
    ]);
    expect(after).toMatchObject({ disabled: true, status: "offline" });
    expect(user.blocked).toBe(true);
    expect(ended).toMatchObject({ status: "ended", endReason: "performer_left" });
    expect(ended.creditsCharged).toBeGreaterThan(0);
    expect(declined.status).toBe("declined");
    expect((await listPerformers()).some((p) => p.id === performer.id)).toBe(false);
    await expect(requestShow({ userId: waiting.id, performerId: performer.id })).rejects.toMatchObject({ code: "performer_unavailable" });
    expect((await listAdminPerformers()).performers.find((p) => p.id === performer.id)).toMatchObject({ disabled: true });

    await setPerformerDisabled({ actorId: adminId, performerId: performer.id, disabled: false });
    expect(await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).toMatchObject({ disabled: false, status: "offline" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: performer.userId } })).blocked).toBe(false);
    expect((await listPerformers()).some((p) => p.id === performer.id)).toBe(true);
  });

  it("blocking a performer's user account disables the profile too", async () => {
    const performer = await createPerformerRow({ status: "online" });
    await setUserBlocked({ actorId: adminId, userId: performer.userId, blocked: true });
    expect(await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).toMatchObject({ disabled: true, status: "offline" });
  });

  it("force offline takes an online performer offline", async () => {
    const performer = await createPerformerRow({ status: "online" });
    expect(await forcePerformerOffline({ actorId: adminId, performerId: performer.id })).toMatchObject({ status: "offline" });
    await expect(forcePerformerOffline({ actorId: adminId, performerId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("performer photos", () => {
  it("adds, reorders and removes photos; the removed file is deleted; at most the limit", async () => {
    const performer = await createPerformerRow();
    const first = await addPerformerPhoto({ actorId: adminId, performerId: performer.id, photo: blob(jpegBytes()), uploadDir });
    const second = await addPerformerPhoto({ actorId: adminId, performerId: performer.id, photo: blob(pngBytes(), "image/png"), uploadDir });
    expect(second).toMatch(/\.png$/);
    await changePerformerPhoto({ actorId: adminId, performerId: performer.id, photo: second, change: "primary", uploadDir });
    expect((await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).photos).toEqual([second, first]);
    await changePerformerPhoto({ actorId: adminId, performerId: performer.id, photo: second, change: "remove", uploadDir });
    expect((await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).photos).toEqual([first]);
    expect(existsSync(path.join(uploadDir, second.slice("/uploads/".length)))).toBe(false);

    await prisma.performer.update({ where: { id: performer.id }, data: { photos: Array.from({ length: MAX_PERFORMER_PHOTOS }, (_, i) => `/performers/${i}.jpg`) } });
    const files = readdirSync(uploadDir).length;
    await expect(addPerformerPhoto({ actorId: adminId, performerId: performer.id, photo: blob(jpegBytes()), uploadDir }))
      .rejects.toMatchObject({ code: "conflict", fields: { photo: expect.any(String) } });
    expect(readdirSync(uploadDir)).toHaveLength(files);
  });
});
