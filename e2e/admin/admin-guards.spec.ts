import { expect as baseExpect, test } from "@playwright/test";
import { DEMO, logIn, signUpNewViewer } from "../helpers";
import { adminPage, openAdminUser } from "./admin-helpers";

// Server actions and sign-ups (bcrypt) are slow on a busy 2-core machine: generous waits.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const ADMIN_ROUTES = [
  "/admin", "/admin/performers", "/admin/performers/new", "/admin/performers/1", "/admin/packs", "/admin/packs/1",
  "/admin/users", "/admin/users/1", "/admin/purchases", "/admin/purchases/1", "/admin/purchases/messages",
  "/admin/reports", "/admin/reports?performerId=1", "/admin/settings",
];

for (const role of ["viewer", "performer"] as const) {
  test(`a ${role} gets 403 from every admin page and from the CSV export`, async ({ page }) => {
    await logIn(page, DEMO[role]);
    for (const route of ADMIN_ROUTES) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(403);
      await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
    }
    const csv = await page.request.get("/admin/reports/csv?performerId=1&from=2020-01-01&to=2030-12-31");
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain("performer_benefit");
  });
}

test("an admin server action posted by a viewer changes nothing, whatever path it is posted to", async ({ browser, baseURL }) => {
  const targetPage = await (await browser.newContext()).newPage();
  const target = await signUpNewViewer(targetPage, "tgt");

  // The admin fills in an adjustment, but the request is captured and never reaches the server.
  const admin = await adminPage(browser);
  const userUrl = await openAdminUser(admin, target);
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await admin.route("**/admin/users/**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    captured = { headers: request.headers(), body: request.postDataBuffer()! };
    await route.abort();
  });
  await admin.getByLabel("Credits (+ or −)").fill("5000");
  await admin.getByLabel("Reason").fill("stolen action replay");
  await admin.getByRole("button", { name: "Apply adjustment" }).click();
  await expect.poll(() => captured).toBeDefined();
  await admin.unroute("**/admin/users/**");

  // A viewer replays it with their own session cookie, to the admin page and to a page the proxy does not guard.
  const viewer = await (await browser.newContext()).newPage();
  await logIn(viewer, DEMO.viewer);
  const replay = (page: typeof viewer, url: string) =>
    page.request.post(url, {
      headers: {
        "next-action": captured!.headers["next-action"]!,
        "next-router-state-tree": captured!.headers["next-router-state-tree"] ?? "",
        "content-type": captured!.headers["content-type"]!,
        accept: "text/x-component",
        origin: baseURL!,
      },
      data: captured!.body,
      maxRedirects: 0,
    });
  for (const url of [new URL(userUrl).pathname, "/", "/credits"]) {
    expect(await (await replay(viewer, url)).text(), url).not.toMatch(/"ok":true/);
  }
  await admin.goto(userUrl);
  await expect(admin.getByTestId("admin-user-credits")).toHaveText("0");
  await expect(admin.getByText("stolen action replay")).toHaveCount(0);

  // The very same request with the admin's session works: it was refused only for the viewer's session.
  expect(await (await replay(admin, new URL(userUrl).pathname)).text()).toMatch(/"ok":true/);
  await admin.reload();
  await expect(admin.getByTestId("admin-user-credits")).toHaveText("5000");
  await expect(admin.getByTestId("admin-ledger-row").filter({ hasText: "stolen action replay" })).toHaveCount(1);
  await targetPage.context().close();
  await viewer.context().close();
  await admin.context().close();
});
