import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "../helpers";

/** e2e/helpers.ts's logIn with a longer wait: sign-in hashes a password, slow on a busy machine. */
export async function logInSlowly(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("header-user")).toBeVisible({ timeout: 20_000 });
}

/** A fresh browser context signed in as the demo admin. */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logInSlowly(page, DEMO.admin);
  return page;
}

/** Signs up a new viewer in this page (so the demo viewers other specs use stay as they are). */
export async function signUpViewer(page: Page, prefix = "adm"): Promise<string> {
  const name = `${prefix}${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(`${name}@example.org`);
  await page.getByLabel("Username").fill(name);
  await page.getByLabel(/Password/).fill("a-long-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("header-user")).toContainText(name, { timeout: 20_000 });
  return name;
}

/** Opens a user's admin page by searching for their username; returns its URL. */
export async function openAdminUser(page: Page, username: string): Promise<string> {
  await page.goto(`/admin/users?q=${encodeURIComponent(username)}`);
  await page.getByRole("link", { name: username, exact: true }).click();
  await expect(page.getByRole("heading", { name: username })).toBeVisible({ timeout: 20_000 });
  return page.url();
}
