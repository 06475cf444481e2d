import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { setFollow } from "@/lib/server/follows/set-follow";
import { listWall, WALL_PAGE_SIZE } from "@/lib/server/performers/list-wall";
import { listWallTags } from "@/lib/server/performers/list-wall-tags";
import { setPerformerTags } from "@/lib/server/performers/set-performer-tags";
import { getRealtimeHub } from "@/lib/server/realtime/get-hub";
import { WALL_VIEWERS_CHANNEL, writeViewerCount } from "@/lib/server/rooms/record-viewer-count";
import { sendTip } from "@/lib/server/tips/send-tip";
import { ZWallQuery } from "@/lib/validations/wall";
import { createActiveShow, createPerformer, createViewer } from "@/test/helpers/factories";
import { waitFor } from "@/test/helpers/realtime";

const query = (search: Record<string, string> = {}) => ZWallQuery.parse(search);

async function named(displayName: string, options: Parameters<typeof createPerformer>[0] & { tags?: string[] } = {}) {
  const performer = await createPerformer(options);
  return prisma.performer.update({ where: { id: performer.id }, data: { displayName, tags: options.tags ?? [] } });
}

describe("the wall's query", () => {
  it("searches by name, case-insensitively, treating % and _ as plain characters", async () => {
    const a = await named("Searchy Anna");
    await named("Searchy_Bob");
    await named("100% Carla");
    const byName = await listWall({ ...query({ q: "searchy a" }) });
    expect(byName.performers.map((p) => p.id)).toEqual([a.id]);
    expect((await listWall(query({ q: "y_b" }))).performers.map((p) => p.displayName)).toEqual(["Searchy_Bob"]);
    expect((await listWall(query({ q: "0%" }))).performers.map((p) => p.displayName)).toEqual(["100% Carla"]);
    expect((await listWall(query({ q: "%" }))).performers.map((p) => p.displayName)).toEqual(["100% Carla"]);
  });

  it("filters by tag and lists the most used tags", async () => {
    const t = `tag${Date.now() % 100000}`;
    const one = await named("Tagged One", { tags: [t, "common"] });
    await named("Tagged Two", { tags: ["common"] });
    expect((await listWall(query({ tag: t.toUpperCase() }))).performers.map((p) => p.id)).toEqual([one.id]);
    const tags = await listWallTags();
    expect(tags.find((x) => x.tag === "common")?.count).toBeGreaterThanOrEqual(2);
  });

  it("puts online first, then busy (in a private show), then offline, and hides disabled performers", async () => {
    const q = `order${Date.now() % 100000}`;
    const off = await named(`${q} a-offline`, { status: "offline" });
    const on = await named(`${q} b-online`, { status: "online" });
    await named(`${q} c-disabled`, { status: "online", disabled: true });
    const { performer: busyPerformer } = await createActiveShow({ credits: 600, startedAt: new Date() });
    await prisma.performer.update({ where: { id: busyPerformer.id }, data: { displayName: `${q} a-busy` } });
    const wall = await listWall(query({ q }));
    expect(wall.performers.map((p) => [p.id, p.status])).toEqual([[on.id, "online"], [busyPerformer.id, "busy"], [off.id, "offline"]]);
  });

  it("sorts by newest and by credits tipped in the last 7 days", async () => {
    const q = `sort${Date.now() % 100000}`;
    const first = await named(`${q} first`);
    const second = await named(`${q} second`);
    await prisma.performer.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    expect((await listWall(query({ q, sort: "newest" }))).performers.map((p) => p.id)).toEqual([second.id, first.id]);
    const viewer = await createViewer({ credits: 1000 });
    await sendTip({ userId: viewer.id, performerId: first.id, credits: 50 });
    const old = await prisma.tip.create({ data: { userId: viewer.id, performerId: second.id, credits: 500, date: new Date(Date.now() - 8 * 86_400_000) } });
    expect(old.id).toBeDefined();
    expect((await listWall(query({ q, sort: "tipped" }))).performers.map((p) => p.id)).toEqual([first.id, second.id]);
  });

  it("pages through results with a total, and a page past the end still knows the total", async () => {
    const q = `page${Date.now() % 100000}`;
    for (let i = 0; i < WALL_PAGE_SIZE + 2; i += 1) await named(`${q} ${String(i).padStart(3, "0")}`);
    const one = await listWall(query({ q }));
    const two = await listWall(query({ q, page: "2" }));
    expect([one.performers.length, two.performers.length, one.total, one.pages]).toEqual([WALL_PAGE_SIZE, 2, WALL_PAGE_SIZE + 2, 2]);
    expect(new Set([...one.performers, ...two.performers].map((p) => p.id)).size).toBe(WALL_PAGE_SIZE + 2);
    const beyond = await listWall(query({ q, page: "9" }));
    expect([beyond.performers.length, beyond.total]).toEqual([0, WALL_PAGE_SIZE + 2]);
  });

  it("shows only the performers a viewer follows with following=1, and nothing for an anonymous visitor", async () => {
    const viewer = await createViewer();
    const followed = await named("Followed Fiona");
    await named("Not Followed Nora");
    await setFollow({ userId: viewer.id, performerId: followed.id, follow: true });
    await setFollow({ userId: viewer.id, performerId: followed.id, follow: true });
    expect((await listWall({ ...query({ following: "1" }), viewerId: viewer.id })).performers.map((p) => p.id)).toEqual([followed.id]);
    expect((await listWall(query({ following: "1" }))).performers).toEqual([]);
    await setFollow({ userId: viewer.id, performerId: followed.id, follow: false });
    expect((await listWall({ ...query({ following: "1" }), viewerId: viewer.id })).performers).toEqual([]);
  });

  it("falls back to defaults for nonsense in the query string instead of failing", () => {
    expect(ZWallQuery.parse({ q: "a\u0000b", tag: "<x>", sort: "evil", following: "yes", page: "-3" })).toEqual({ q: "ab", tag: undefined, sort: "online", following: undefined, page: 1 });
    expect(ZWallQuery.parse({ page: "99999999999999" }).page).toBe(1);
  });
});

describe("follows, tags and room sizes", () => {
  it("keeps one follow row under parallel double clicks", async () => {
    const viewer = await createViewer();
    const performer = await createPerformer();
    await Promise.all(Array.from({ length: 10 }, () => setFollow({ userId: viewer.id, performerId: performer.id, follow: true })));
    expect(await prisma.follow.count({ where: { userId: viewer.id } })).toBe(1);
    await expect(setFollow({ userId: viewer.id, performerId: 2_000_000_000, follow: true })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets a performer set only their own tags, an admin anyone's", async () => {
    const mine = await createPerformer();
    const other = await createPerformer();
    const me = await prisma.user.findUniqueOrThrow({ where: { id: mine.userId } });
    await setPerformerTags({ performerId: mine.id, tags: ["music"], actor: me });
    await expect(setPerformerTags({ performerId: other.id, tags: ["hacked"], actor: me })).rejects.toMatchObject({ code: "forbidden" });
    await setPerformerTags({ performerId: other.id, tags: ["set-by-admin"], actor: { id: 0, role: "admin" } });
    expect((await prisma.performer.findUniqueOrThrow({ where: { id: other.id } })).tags).toEqual(["set-by-admin"]);
  });

  it("stores a room's viewer count and tells the walls only when it changes", async () => {
    const performer = await createPerformer();
    const heard: unknown[] = [];
    const stop = await getRealtimeHub().subscribe(WALL_VIEWERS_CHANNEL, (m) => heard.push(m));
    try {
      await writeViewerCount(performer.id, 7);
      await writeViewerCount(performer.id, 7);
      await waitFor(() => heard.some((m) => (m as { performerId: number }).performerId === performer.id), "viewer count event");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard.filter((m) => (m as { performerId: number }).performerId === performer.id)).toEqual([{ performerId: performer.id, count: 7 }]);
      expect((await listWall(query({ q: performer.displayName }))).performers[0]?.viewers).toBe(7);
    } finally {
      stop();
    }
  });
});
