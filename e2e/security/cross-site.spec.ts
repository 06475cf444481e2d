import { expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO, logIn } from "../helpers";

const EVIL = "https://evil.example";

test("session-cookie JSON routes refuse another site's requests with 403 JSON", async ({ page, baseURL }) => {
  await logIn(page, DEMO.viewer);
  // The session's cookies in a client of its own, and the wall (which keeps prefetching) closed: these
  // requests then share nothing with the page's traffic.
  const api = await playwrightRequest.newContext({ baseURL, storageState: await page.context().storageState() });
  await page.close();
  const site = new URL(baseURL!).origin;
  for (const path of ["/api/rooms/max-rivers/chat", "/api/rooms/max-rivers/signal", "/api/paypal/orders", "/api/paypal/orders/NOSUCHORDER000000/capture", "/api/shows/1/peer"]) {
    for (const headers of [{ origin: EVIL }, {}, { origin: site, "content-type": "text/plain" }] as Record<string, string>[]) {
      const response = await api.post(path, { data: '{"text":"hi"}', headers: { "content-type": "application/json", ...headers } });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    }
  }
  const own = await api.post("/api/rooms/max-rivers/chat", { data: { text: "from the site itself" }, headers: { origin: site } });
  expect(own.status()).toBe(201);
  await api.dispose();
});

test("a forged cross-origin server-action post gets a 4xx, never a 500", async ({ request }) => {
  const fetchAction = await request.post("/signup", {
    headers: { origin: EVIL, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: "[]",
  });
  expect(fetchAction.status()).toBe(403);
  expect(await fetchAction.json()).toMatchObject({ error: { code: "forbidden" } });
  const formAction = await request.post("/signup", { headers: { origin: EVIL }, multipart: { $ACTION_ID_0000: "", email: "x@example.org" } });
  expect(formAction.status()).toBe(403);
});
