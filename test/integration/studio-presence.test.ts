import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { expireSilentStudios } from "@/lib/server/performers/expire-silent-studios";
import { reportStudioCamera } from "@/lib/server/performers/report-studio-camera";
import { setPerformerStatus } from "@/lib/server/performers/set-performer-status";
import { STUDIO_SILENCE_MS } from "@/lib/studio/presence";
import { createActiveShow, createPerformer } from "@/test/helpers/factories";

// The status follows the studio's camera: online while it beats, offline when it says it stopped or
// falls silent, online again when it comes back. A status set by the chat API is left alone.

const t0 = new Date("2030-01-01T12:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const statusOf = async (id: number) => (await prisma.performer.findUniqueOrThrow({ where: { id } })).status;

describe("the studio camera and the status", () => {
  it("goes online with the first beat, stays online while beating, offline when the camera stops", async () => {
    const performer = await createPerformer({ status: "offline" });
    await reportStudioCamera({ performerId: performer.id, live: true, now: t0 });
    expect(await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).toMatchObject({ status: "online", liveSeenAt: t0 });
    await reportStudioCamera({ performerId: performer.id, live: true, now: at(5_000) });
    expect(await expireSilentStudios({ now: at(5_000 + STUDIO_SILENCE_MS - 1) })).toBe(0);
    expect(await statusOf(performer.id)).toBe("online");
    await reportStudioCamera({ performerId: performer.id, live: false, now: at(6_000) });
    expect(await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).toMatchObject({ status: "offline", liveSeenAt: null });
  });

  it("takes a silent studio offline (ending its show), and brings it back when the camera beats again", async () => {
    const { performer, show } = await createActiveShow({ credits: 1000, startedAt: t0 });
    await reportStudioCamera({ performerId: performer.id, live: true, now: at(1_000) });
    await prisma.privateShow.update({ where: { id: show.id }, data: { lastHeartbeatAt: at(10_000) } });
    expect(await expireSilentStudios({ now: at(1_000 + STUDIO_SILENCE_MS + 1) })).toBe(1);
    expect(await statusOf(performer.id)).toBe("offline");
    expect(await prisma.privateShow.findUniqueOrThrow({ where: { id: show.id } })).toMatchObject({ status: "ended", endReason: "performer_left" });
    await reportStudioCamera({ performerId: performer.id, live: true, now: at(30_000) });
    expect(await statusOf(performer.id)).toBe("online");
  });

  it("leaves alone a performer put online by the chat API (no studio camera), and one that beat recently", async () => {
    const byApi = await createPerformer({ status: "offline" });
    await setPerformerStatus({ performerId: byApi.id, status: "online", now: t0 });
    const live = await createPerformer({ status: "offline" });
    await reportStudioCamera({ performerId: live.id, live: true, now: at(STUDIO_SILENCE_MS) });
    expect(await expireSilentStudios({ now: at(STUDIO_SILENCE_MS + 10_000) })).toBe(0);
    expect(await statusOf(byApi.id)).toBe("online");
    expect(await statusOf(live.id)).toBe("online");
  });
});
