import path from "node:path";
import { expect as baseExpect, test } from "@playwright/test";
import { adminPage } from "./admin-helpers";

// Server actions and sign-ups (bcrypt) are slow on a busy 2-core machine: generous waits.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const PHOTO = path.join(import.meta.dirname, "../fixtures/performer.jpg");

test("an admin creates a performer with a photo, who appears on the wall with it", async ({ browser }) => {
  const page = await adminPage(browser);
  const slug = `e2e-star-${Date.now()}`;
  await page.goto("/admin/performers");
  await page.getByRole("link", { name: "New performer" }).click();
  await page.getByLabel("E-mail").fill(`${slug}@example.org`);
  await page.getByLabel("Username").fill(slug.replace(/-/g, "_"));
  await page.getByLabel("Initial password").fill("initial-pass-123");
  await page.getByLabel("Display name").fill("E2E Star");
  await page.getByLabel("Slug (room address)").fill(slug);
  await page.getByLabel("Rate per minute (credits)").fill("42");
  await page.getByLabel("Performer's share (%)").fill("55");
  await page.getByLabel("Bio").fill("Made by the admin test.");
  await page.getByLabel("Wall photo (optional)").setInputFiles(PHOTO);
  await page.getByRole("button", { name: "Create performer" }).click();
  await expect(page).toHaveURL(/\/admin\/performers\/\d+\?created=1$/);
  await expect(page.getByRole("status")).toContainText("Performer created");
  await expect(page.getByRole("heading", { name: "E2E Star" })).toBeVisible();
  const editUrl = page.url();

  // The stored photo is served by /uploads/<random name> with the safe headers.
  const wall = await (await browser.newContext()).newPage();
  await wall.goto("/");
  const card = wall.locator(`[data-testid="performer-card"][data-slug="${slug}"]`);
  await expect(card).toBeVisible();
  await expect(card).toContainText("42 credits / min");
  const img = card.getByRole("img");
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const stored = (await page.getByTestId("performer-photos").getByRole("img").first().getAttribute("src"))!;
  const direct = decodeURIComponent(stored).match(/\/uploads\/[0-9a-f]{32}\.jpg/)![0];
  const photo = await wall.request.get(direct);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/jpeg");
  expect(photo.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await wall.request.get("/uploads/..%2F..%2Fpackage.json")).status()).toBe(404);

  // A bad file is refused on its field. Then clean up: other specs count the demo performers on the wall.
  await page.goto(editUrl);
  await page.getByLabel("Add a photo").setInputFiles({ name: "evil.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<script>alert(1)</script>") });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("Only JPEG, PNG or WebP images.")).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("button", { name: "Enable" })).toBeVisible();
  await wall.goto("/");
  await expect(wall.locator(`[data-slug="${slug}"]`)).toHaveCount(0);
  await wall.context().close();
  await page.context().close();
});
