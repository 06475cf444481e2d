import { expect, test } from "@playwright/test";

test("a new viewer signs up and lands on the wall, signed in", async ({ page }) => {
  const name = `fan${Date.now()}`;
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(`${name}@example.org`);
  await page.getByLabel("Username").fill(name);
  await page.getByLabel(/Password/).fill("a-long-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("header-user")).toContainText(name);
  await expect(page.getByTestId("header-credits")).toHaveText("0");
  await expect(page.locator('[data-testid="performer-card"][data-slug="ava-rose"]')).toBeVisible();
});

test("invalid sign-up shows an error on each field and creates nothing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Username").fill("x");
  await page.getByLabel(/Password/).fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByText("At least 3 characters.")).toBeVisible();
  await expect(page.getByText("At least 8 characters.")).toBeVisible();
  await expect(page).toHaveURL("/signup");
});

test("a duplicate e-mail is refused on its field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("viewer1@example.com");
  await page.getByLabel("Username").fill(`dup${Date.now()}`);
  await page.getByLabel(/Password/).fill("a-long-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("An account with this e-mail already exists.")).toBeVisible();
});
