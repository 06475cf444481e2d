import { beforeAll, describe, expect, it, vi } from "vitest";

// Item 8 of issue 9 ("zero 5xx on bad input"): every admin page, the room page, the room API routes and
// the uploads route are called with hostile values — NUL bytes, ids beyond int4, numbers in other
// spellings, huge and odd text — in every path segment and search param they read. Each must answer
// (a page renders or calls notFound(); a route answers < 500, JSON where it answers JSON) and never
// fail with a fault: a thrown error from a page is the 500 page.

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: vi.fn(async () => (session.userId === null ? null : { user: { id: session.userId, sessionVersion: 0 } })),
}));

const { createAdmin, createPerformer, createViewer } = await import("@/test/helpers/factories");
const pages = {
  users: (await import("@/app/admin/users/page")).default,
  user: (await import("@/app/admin/users/[id]/page")).default,
  performers: (await import("@/app/admin/performers/page")).default,
  performer: (await import("@/app/admin/performers/[id]/page")).default,
  pack: (await import("@/app/admin/packs/[id]/page")).default,
  purchases: (await import("@/app/admin/purchases/page")).default,
  purchase: (await import("@/app/admin/purchases/[id]/page")).default,
  messages: (await import("@/app/admin/purchases/messages/page")).default,
  reports: (await import("@/app/admin/reports/page")).default,
  room: (await import("@/app/performers/[slug]/page")).default,
};
const routes = {
  events: (await import("@/app/api/rooms/[slug]/events/route")).GET,
  chat: (await import("@/app/api/rooms/[slug]/chat/route")).POST,
  signal: (await import("@/app/api/rooms/[slug]/signal/route")).POST,
  upload: (await import("@/app/uploads/[name]/route")).GET,
  csv: (await import("@/app/admin/reports/csv/route")).GET,
};

const HOSTILE = [
  "\u0000", "a\u0000b", "%00", "\u0001\u001f\u007f", "99999999999", "2147483648", "2147483647", "-1", "0", "1e3", "0x10", " 5 ", "5.5",
  "NaN", "Infinity", "", " ", "9".repeat(400), "é".repeat(2000), "\uFFFD", "\uD800", "'; DROP TABLE users; --", "../../etc/passwd", "%2e%2e%2f",
  "0001-01-01", "9999-12-31", "2026-02-31", "<script>alert(1)</script>", "[object Object]",
];

const isNotFound = (error: unknown) => typeof error === "object" && error !== null && String((error as { digest?: unknown }).digest).includes(";404");

/** A page call: renders, or calls notFound(). Anything else thrown is a 500. */
async function expectPageAnswers(label: string, render: () => Promise<unknown>, failures: string[]): Promise<void> {
  try {
    await render();
  } catch (error) {
    if (!isNotFound(error)) failures.push(`${label}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

async function expectRouteAnswers(label: string, call: () => Promise<Response>, failures: string[]): Promise<void> {
  try {
    const response = await call();
    if (response.status >= 500) failures.push(`${label}: ${response.status}`);
    else if (response.status >= 400 && !/json|text\/plain/.test(response.headers.get("content-type") ?? "")) failures.push(`${label}: ${response.status} without a JSON body`);
    await response.body?.cancel();
  } catch (error) {
    failures.push(`${label}: threw ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

const searchParams = (params: Record<string, string>) => Promise.resolve(params);
const params = <T extends Record<string, string>>(value: T) => Promise.resolve(value);

let performerId: number;
beforeAll(async () => {
  session.userId = (await createAdmin()).id;
  performerId = (await Promise.all([createPerformer(), createViewer()]))[0].id;
});

describe("hostile values in URLs", () => {
  it("never make an admin page or the room page fail", { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    const searchPages: [string, (sp: Promise<Record<string, string>>) => Promise<unknown>, string[]][] = [
      ["/admin/users", (sp) => pages.users({ searchParams: sp }), ["q", "page"]],
      ["/admin/performers", (sp) => pages.performers({ searchParams: sp }), ["page"]],
      ["/admin/purchases", (sp) => pages.purchases({ searchParams: sp }), ["status", "source", "user", "from", "to", "page"]],
      ["/admin/purchases/messages", (sp) => pages.messages({ searchParams: sp }), ["outcome", "txn", "page"]],
      ["/admin/reports", (sp) => pages.reports({ searchParams: sp }), ["performerId", "from", "to", "page"]],
    ];
    let cases = 0;
    for (const value of HOSTILE) {
      for (const [path, render, keys] of searchPages) {
        for (const key of keys) {
          cases += 1;
          await expectPageAnswers(`${path}?${key}=${JSON.stringify(value)}`, () => render(searchParams({ [key]: value })), failures);
        }
      }
      for (const [path, render] of [
        ["/admin/users/[id]", (id: string) => pages.user({ params: params({ id }), searchParams: searchParams({ page: value }) })],
        ["/admin/performers/[id]", (id: string) => pages.performer({ params: params({ id }), searchParams: searchParams({ created: value }) })],
        ["/admin/packs/[id]", (id: string) => pages.pack({ params: params({ id }) })],
        ["/admin/purchases/[id]", (id: string) => pages.purchase({ params: params({ id }) })],
        ["/performers/[slug]", (slug: string) => pages.room({ params: params({ slug }) })],
      ] as const) {
        cases += 1;
        await expectPageAnswers(`${path} = ${JSON.stringify(value)}`, () => render(value), failures);
      }
    }
    expect(cases).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  it("never make a room API route, the uploads route or the report CSV answer 5xx", { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    for (const value of HOSTILE) {
      const slug = params({ slug: value });
      await expectRouteAnswers(`GET /api/rooms/${JSON.stringify(value)}/events`, () => routes.events(new Request("http://localhost/api/rooms/x/events"), { params: slug }), failures);
      await expectRouteAnswers(`POST /api/rooms/${JSON.stringify(value)}/chat`, () => routes.chat(new Request("http://localhost/api/rooms/x/chat", json({ text: value || "hi" })), { params: slug }), failures);
      await expectRouteAnswers(`POST /api/rooms/${JSON.stringify(value)}/signal`, () => routes.signal(new Request("http://localhost/api/rooms/x/signal", json({ to: value, from: value, data: { type: "offer", sdp: value } })), { params: slug }), failures);
      await expectRouteAnswers(`GET /uploads/${JSON.stringify(value)}`, () => routes.upload(new Request("http://localhost/uploads/x"), { params: params({ name: value }) }), failures);
      for (const query of [
        new URLSearchParams({ performerId: value, from: "2030-01-01", to: "2030-01-31" }),
        new URLSearchParams({ performerId: String(performerId), from: value, to: "2030-01-31" }),
        new URLSearchParams({ performerId: String(performerId), from: "2030-01-01", to: value }),
      ]) {
        await expectRouteAnswers(`GET /admin/reports/csv?${query}`, () => routes.csv(new Request(`http://localhost/admin/reports/csv?${query}`)), failures);
      }
    }
    expect(failures).toEqual([]);
  });
});
