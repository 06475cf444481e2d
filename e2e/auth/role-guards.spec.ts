import { expect, test } from "@playwright/test";
import { DEMO, logIn } from "../helpers";

test("anonymous visitors are sent to log in for every private area", async ({ page }) => {
  for (const area of ["/account", "/studio", "/admin"]) {
    await page.goto(area);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(area)}`));
  }
});

test("a wrong password gets one generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(DEMO.viewer);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
});

test("the performer reaches the studio but not the admin", async ({ page }) => {
  await logIn(page, DEMO.performer);
  await page.goto("/studio");
  await expect(page.getByRole("heading", { name: /Studio — Ava Rose/ })).toBeVisible();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
});

test("the admin reaches the admin but not the studio", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
  expect((await page.goto("/studio"))?.status()).toBe(403);
});

test("a viewer sees their balance and history, is refused elsewhere, and logs out", async ({ page }) => {
  await logIn(page, DEMO.viewer);
  await page.goto("/account");
  await expect(page.getByTestId("account-balance")).not.toHaveText("0");
  await expect(page.getByTestId("ledger-row").first()).toBeVisible();
  expect((await page.goto("/admin"))?.status()).toBe(403);
  expect((await page.goto("/studio"))?.status()).toBe(403);
  await page.goto("/");
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});
