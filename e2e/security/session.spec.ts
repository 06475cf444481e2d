import { expect, test } from "@playwright/test";
import { DEMO, logIn } from "../helpers";

test("sign-out revokes the session on the server: a copied cookie replayed afterwards is refused", async ({ page, browser, baseURL }) => {
  test.slow();
  await logIn(page, DEMO.performer);
  const stolen = await page.context().cookies();
  expect(stolen.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  const attacker = await browser.newContext({ baseURL });
  try {
    await attacker.addCookies(stolen);
    const replay = await attacker.newPage();
    await replay.goto("/studio");
    await expect(replay).toHaveURL(/\/login\?callbackUrl=%2Fstudio/);
    const api = await replay.request.post("/api/rooms/max-rivers/chat", { data: { text: "replayed" }, headers: { origin: new URL(baseURL!).origin } });
    expect(api.status()).toBe(401);
  } finally {
    await attacker.close();
  }
  // The owner signs in again as usual.
  await logIn(page, DEMO.performer);
});

test("sign-out returns to the page's own origin, not APP_URL's host", async ({ page, baseURL }) => {
  test.slow();
  // The site answers on 127.0.0.1 as well as on APP_URL's localhost: the same server, another origin.
  const other = baseURL!.replace("localhost", "127.0.0.1");
  await logIn(page, DEMO.viewer, undefined, `${other}/login`);
  expect(new URL(page.url()).origin).toBe(new URL(other).origin);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(other).origin);
});
