import { expect, test } from "@playwright/test";
import { DEMO, logIn } from "../helpers";

// After signing in, the login page sends the browser to its callbackUrl: only ever a path of this site.
const TARGETS = ["/\\evil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "javascript:alert(document.domain)", "/.//evil.example"];

for (const target of TARGETS) {
  test(`login with callbackUrl ${JSON.stringify(target)} stays on the site`, async ({ page, baseURL }) => {
    const offsite: string[] = [];
    await page.route((url) => url.hostname === "evil.example", (route) => {
      offsite.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    });
    // %09 stays as typed (the browser's query decoding turns it into a tab); the rest is encoded as a link would.
    const query = target.includes("%") ? target : encodeURIComponent(target);
    await logIn(page, DEMO.viewer, undefined, `/login?callbackUrl=${query}`);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(offsite).toEqual([]);
  });
}

test("a same-site callbackUrl is honoured", async ({ page }) => {
  await logIn(page, DEMO.viewer, undefined, `/login?callbackUrl=${encodeURIComponent("/credits?from=login")}`);
  await expect(page).toHaveURL(/\/credits\?from=login$/);
});
