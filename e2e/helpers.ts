import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-pass-123";
export const DEMO = {
  admin: "admin@example.com",
  performer: "ava-rose@example.com",
  viewer: "viewer1@example.com",
} as const;

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("header-user")).toBeVisible();
}
