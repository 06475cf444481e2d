import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO, logIn } from "../helpers";

/** A fresh browser context signed in as the demo admin. */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, DEMO.admin);
  return page;
}

/** Opens a user's admin page by searching for their username; returns its URL. */
export async function openAdminUser(page: Page, username: string): Promise<string> {
  await page.goto(`/admin/users?q=${encodeURIComponent(username)}`);
  await page.getByRole("link", { name: username, exact: true }).click();
  await expect(page.getByRole("heading", { name: username })).toBeVisible({ timeout: 20_000 });
  return page.url();
}
