import { expect, test } from "@playwright/test";
import { logIn, signUpNewViewer } from "../helpers";
import { linkMailedTo } from "./mail-sink";

test("a viewer who forgot the password gets a link by e-mail, sets a new one and logs in with it", async ({ page }) => {
  const name = await signUpNewViewer(page, "forgot");
  const email = `${name}@example.org`;
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");

  const link = await linkMailedTo(email, /Reset your password/);
  await page.goto(link.pathname + link.search);
  await page.getByRole("textbox", { name: /New password/ }).fill("brand-new-password");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  // The link works once.
  await page.goto(link.pathname + link.search);
  await page.getByRole("textbox", { name: /New password/ }).fill("another-new-password");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText(/expired or was already used/)).toBeVisible();

  await logIn(page, email, "brand-new-password");
  await expect(page.getByTestId("header-user")).toContainText(name);
});

test("an unknown address gets the same answer and no e-mail", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill("nobody-at-all@example.org");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");
});

test("sign-up mails a confirmation link; confirming shows on the account settings", async ({ page }) => {
  const name = await signUpNewViewer(page, "confirm");
  await page.goto("/account/settings");
  await expect(page.getByTestId("email-status")).toHaveText("not confirmed yet");
  const link = await linkMailedTo(`${name}@example.org`, /Confirm your e-mail/);
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page.getByRole("status")).toContainText("confirmed");
  await page.goto("/account/settings");
  await expect(page.getByTestId("email-status")).toHaveText("confirmed");
});

test("a viewer changes the password, then closes the account and can no longer log in", async ({ page }) => {
  const name = await signUpNewViewer(page, "closer");
  const email = `${name}@example.org`;
  await page.goto("/account");
  await page.getByRole("link", { name: "Account settings" }).click();

  const change = page.getByRole("form", { name: "Change password" });
  await change.getByLabel("Current password").fill("wrong-password");
  await change.getByLabel(/New password/).fill("changed-password-1");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change.getByText("This is not your current password.")).toBeVisible();
  await change.getByLabel("Current password").fill("a-long-password");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change.getByRole("status")).toHaveText("Your password is changed. Other devices are signed out.");

  page.once("dialog", (dialog) => void dialog.accept());
  const close = page.getByRole("form", { name: "Close account" });
  await close.getByLabel("Your password").fill("changed-password-1");
  await close.getByRole("button", { name: "Close my account" }).click();
  await expect(page.getByText("Your account is closed.")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("changed-password-1");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
});
