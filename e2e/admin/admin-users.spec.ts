import { expect as baseExpect, test } from "@playwright/test";
import { signUpNewViewer } from "../helpers";
import { adminPage, openAdminUser } from "./admin-helpers";

// Server actions and sign-ups (bcrypt) are slow on a busy 2-core machine: generous waits.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

test("an admin adjusts a viewer's credits with a reason; the ledger shows it once, even on a double submit", async ({ browser }) => {
  const viewer = await (await browser.newContext()).newPage();
  const username = await signUpNewViewer(viewer, "adj");
  const admin = await adminPage(browser);
  await openAdminUser(admin, username);
  const form = admin.getByRole("form", { name: "Adjust credits" });

  await form.getByLabel("Credits (+ or −)").fill("150");
  await form.getByRole("button", { name: "Apply adjustment" }).click();
  await expect(form.getByText(/Say why/)).toBeVisible();

  await form.getByLabel("Reason").fill("E2E welcome bonus");
  // Two submits of the same rendered form at once: its idempotency key lets only one take effect.
  await form.evaluate((f: HTMLFormElement) => {
    f.requestSubmit();
    f.requestSubmit();
  });
  await expect(form.getByRole("status")).toHaveText("Credits adjusted.");
  await expect(admin.getByTestId("admin-user-credits")).toHaveText("150");
  const rows = admin.getByTestId("admin-ledger-row").filter({ hasText: "E2E welcome bonus" });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("+150");
  await expect(rows).toContainText("admin_adjustment");
  await expect(rows).toContainText("admin");

  await form.getByLabel("Credits (+ or −)").fill("-151");
  await form.getByLabel("Reason").fill("too much");
  await form.getByRole("button", { name: "Apply adjustment" }).click();
  await expect(form.getByText(/The balance is 150/)).toBeVisible();
  await admin.reload();
  await expect(admin.getByTestId("admin-user-credits")).toHaveText("150");

  await viewer.goto("/account");
  await expect(viewer.getByTestId("header-credits")).toHaveText("150");

  // Block: the viewer is signed out on their next request; unblock restores access.
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "Block", exact: true }).click();
  await expect(admin.getByRole("button", { name: "Unblock", exact: true })).toBeVisible();
  await viewer.goto("/account");
  await expect(viewer).toHaveURL(/\/login/);
  await admin.getByRole("button", { name: "Unblock", exact: true }).click();
  await expect(admin.getByRole("button", { name: "Block", exact: true })).toBeVisible();
  await viewer.context().close();
  await admin.context().close();
});
