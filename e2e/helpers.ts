import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-pass-123";
export const DEMO = {
  admin: "admin@example.com",
  performer: "ava-rose@example.com",
  viewer: "viewer1@example.com",
} as const;

/** `loginUrl` may carry a callbackUrl, or another origin of the same site (http://127.0.0.1:…). */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, loginUrl = "/login") {
  await page.goto(loginUrl);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  // Sign-in hashes a password: slow on a busy machine.
  await expect(page.getByTestId("header-user")).toBeVisible({ timeout: 45_000 });
}

/** Signs up a fresh viewer (0 credits) and returns the username; tests that spend need their own. */
export async function signUpNewViewer(page: Page, prefix = "viewer"): Promise<string> {
  const name = `${prefix}${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(`${name}@example.org`);
  await page.getByLabel("Username").fill(name);
  await page.getByLabel(/Password/).fill("a-long-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("header-user")).toContainText(name, { timeout: 45_000 });
  await expect(page.getByTestId("header-credits")).toHaveText("0");
  return name;
}
