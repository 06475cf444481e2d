import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_PRICE_BOUNDS, type PerformerPrices } from "@/lib/prices/price-bounds";
import { getPriceBounds } from "@/lib/server/prices/get-price-bounds";
import { setPerformerPrices } from "@/lib/server/prices/set-performer-prices";
import { setPriceBounds } from "@/lib/server/prices/set-price-bounds";
import { requestShow } from "@/lib/server/shows/request-show";
import { ZPerformerBounds, ZPerformerPrices, ZSiteBounds } from "@/lib/validations/prices";
import { createAdmin, createPerformer, createViewer } from "@/test/helpers/factories";

const prices = (over: Partial<PerformerPrices> = {}): PerformerPrices => ({
  ratePerMinute: 60, spyRatePerMinute: 20, groupRatePerMinute: 15, ticketPrice: 200, minimumSeconds: 120, ...over,
});
const site = { ...DEFAULT_PRICE_BOUNDS, private_rate: { min: 10, max: 100 }, minimum_seconds: { min: 0, max: 300 } };

describe("performers' own prices within the admin's bounds", () => {
  it("lets a performer set every price within the bounds, and a new request snapshots rate and minimum", async () => {
    const [performer, viewer] = await Promise.all([createPerformer(), createViewer({ credits: 1000 })]);
    await setPerformerPrices({ performerId: performer.id, prices: prices() });
    expect(await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).toMatchObject(prices());
    const show = await requestShow({ userId: viewer.id, performerId: performer.id });
    expect(show).toMatchObject({ ratePerMinute: 60, minimumSeconds: 120 });
  });

  it("refuses prices outside the site's bounds with a message per field, and changes nothing", async () => {
    const admin = await createAdmin();
    await setPriceBounds({ actorId: admin.id, performerId: null, bounds: site });
    const performer = await createPerformer({ ratePerMinute: 50 });
    const error = await setPerformerPrices({ performerId: performer.id, prices: prices({ ratePerMinute: 101, minimumSeconds: 301 }) }).catch((e) => e);
    expect(error).toMatchObject({ code: "invalid_request", status: 422 });
    expect(Object.keys(error.fields).sort()).toEqual(["minimumSeconds", "ratePerMinute"]);
    expect((await prisma.performer.findUniqueOrThrow({ where: { id: performer.id } })).ratePerMinute).toBe(50);
  });

  it("applies a performer's override over the site's bounds, and removing it falls back", async () => {
    const admin = await createAdmin();
    await setPriceBounds({ actorId: admin.id, performerId: null, bounds: site });
    const star = await createPerformer({ ratePerMinute: 50 });
    const none = { private_rate: null, spy_rate: null, group_rate: null, ticket_price: null, minimum_seconds: null };
    await setPriceBounds({ actorId: admin.id, performerId: star.id, bounds: { ...none, private_rate: { min: 10, max: 500 } } });
    await expect(setPerformerPrices({ performerId: star.id, prices: prices({ ratePerMinute: 400 }) })).resolves.toMatchObject({ ratePerMinute: 400 });
    const other = await createPerformer({ ratePerMinute: 50 });
    await expect(setPerformerPrices({ performerId: other.id, prices: prices({ ratePerMinute: 400 }) })).rejects.toMatchObject({ code: "invalid_request" });
    expect((await getPriceBounds({ performerId: star.id })).effective.private_rate).toEqual({ min: 10, max: 500 });
    // Removing the override brings the site's bounds back, and the price in force into them.
    await setPriceBounds({ actorId: admin.id, performerId: star.id, bounds: none });
    expect((await getPriceBounds({ performerId: star.id })).overrides).toEqual({});
    expect((await prisma.performer.findUniqueOrThrow({ where: { id: star.id } })).ratePerMinute).toBe(100);
  });

  it("moves prices already outside narrowed site bounds to the nearest bound", async () => {
    const admin = await createAdmin();
    const [cheap, dear] = await Promise.all([createPerformer({ ratePerMinute: 2 }), createPerformer({ ratePerMinute: 900 })]);
    await setPriceBounds({ actorId: admin.id, performerId: null, bounds: site });
    // Created concurrently: their ids come in either order, so each is looked up by its own id.
    const rate = async (id: number) => (await prisma.performer.findUniqueOrThrow({ where: { id } })).ratePerMinute;
    expect([await rate(cheap.id), await rate(dear.id)]).toEqual([10, 100]);
  });

  it("is for admins only", async () => {
    const viewer = await createViewer();
    await expect(setPriceBounds({ actorId: viewer.id, performerId: null, bounds: site })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps one site row per kind when two admins save at once", async () => {
    const [a, b] = await Promise.all([createAdmin(), createAdmin()]);
    const results = await Promise.allSettled([a, b, a, b].map((admin) => setPriceBounds({ actorId: admin.id, performerId: null, bounds: site })));
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await prisma.priceBound.count({ where: { performerId: null } })).toBe(5);
  });

  it("parses form input strictly", () => {
    expect(ZPerformerPrices.safeParse({ ratePerMinute: "1e3", spyRatePerMinute: "0x10", groupRatePerMinute: " 5 ", ticketPrice: "-1", minimumSeconds: "1.5" }).error?.issues).toHaveLength(5);
    const form = { private_rate_min: "5", private_rate_max: "50", spy_rate_min: "1", spy_rate_max: "9", group_rate_min: "1", group_rate_max: "9", ticket_price_min: "1", ticket_price_max: "9", minimum_seconds_min: "0", minimum_seconds_max: "60" };
    expect(ZSiteBounds.parse(form).private_rate).toEqual({ min: 5, max: 50 });
    expect(ZSiteBounds.safeParse({ ...form, private_rate_max: "4" }).error?.issues[0]?.path).toEqual(["private_rate_max"]);
    expect(ZSiteBounds.safeParse({ ...form, minimum_seconds_max: "86400" }).success).toBe(false);
    expect(ZPerformerBounds.parse({ private_rate_min: "5", private_rate_max: "50" })).toEqual({
      private_rate: { min: 5, max: 50 }, spy_rate: null, group_rate: null, ticket_price: null, minimum_seconds: null,
    });
  });
});
