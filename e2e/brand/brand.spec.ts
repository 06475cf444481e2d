import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { adminPage } from "../admin/admin-helpers";

const FIXTURE = path.join(import.meta.dirname, "..", "fixtures", "performer.jpg");

async function saveBrand(admin: Page, brand: { siteName: string; wallHeadline: string; accentColor: string; adultNotice: boolean; logo?: string; removeLogo?: boolean }) {
  await admin.goto("/admin/brand");
  const form = admin.getByRole("form", { name: "Brand" });
  await form.getByLabel("Site name").fill(brand.siteName);
  await form.getByLabel("Wall headline").fill(brand.wallHeadline);
  await form.getByLabel("Accent colour").fill(brand.accentColor);
  await form.getByLabel("Ask visitors to confirm").setChecked(brand.adultNotice);
  if (brand.logo) await form.getByLabel("Logo", { exact: true }).setInputFiles(brand.logo);
  if (brand.removeLogo && (await form.getByLabel("Remove the logo").count()) > 0) await form.getByLabel("Remove the logo").check();
  await form.getByRole("button", { name: "Save brand" }).click();
  await expect(form.getByRole("status")).toHaveText("Brand saved.");
}

// One test, serial by nature: the brand is the whole site's, so it is put back at the end.
test("the webmaster's name, logo, colour, headline and 18+ notice show on the site", async ({ browser }) => {
  const admin = await adminPage(browser);
  const siteName = `Night Owls ${Date.now() % 10000}`;
  try {
    await saveBrand(admin, { siteName, wallHeadline: "Who is on tonight", accentColor: "#0EA5E9", adultNotice: true, logo: FIXTURE });

    // A new visitor, who has not confirmed the notice in this browser yet.
    const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await visitor.goto("/");
    const notice = visitor.getByRole("dialog", { name: `${siteName} is for adults` });
    await expect(notice).toBeVisible();
    await notice.getByRole("button", { name: "I am 18 or older — enter" }).click();
    await expect(notice).toHaveCount(0);
    await visitor.reload();
    await expect(visitor.getByRole("heading", { name: "Who is on tonight" })).toBeVisible();
    await expect(visitor.getByTestId("adult-notice")).toHaveCount(0);

    await expect(visitor.getByTestId("site-name")).toContainText(siteName);
    await expect(visitor).toHaveTitle(siteName);
    const logo = await visitor.getByTestId("site-name").locator("img").getAttribute("src");
    expect(logo).toMatch(/^\/uploads\/[0-9a-f]{32}\.jpg$/);
    expect(await visitor.locator('link[rel="icon"]').first().getAttribute("href")).toContain(logo!);
    const accent = await visitor.getByRole("link", { name: "Sign up" }).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(accent).toBe("rgb(14, 165, 233)");
    const manifest = await (await visitor.request.get("/manifest.webmanifest")).json();
    expect(manifest.name).toBe(siteName);
  } finally {
    await saveBrand(admin, { siteName: "Live cams", wallHeadline: "Performers", accentColor: "#db2777", adultNotice: false, removeLogo: true });
  }
});
