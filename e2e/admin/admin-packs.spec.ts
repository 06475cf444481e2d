import { expect as baseExpect, test } from "@playwright/test";
import { signUpNewViewer } from "../helpers";
import { adminPage } from "./admin-helpers";

// Server actions and sign-ups (bcrypt) are slow on a busy 2-core machine: generous waits.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

test("an admin adds a pack, a viewer sees it on /credits, and a deactivated pack disappears", async ({ browser }) => {
  const admin = await adminPage(browser);
  const credits = String(700 + Math.floor(Math.random() * 200));
  const description = `E2E pack ${credits}`;
  await admin.goto("/admin/packs");
  const form = admin.getByRole("form", { name: "New pack" });
  await form.getByRole("button", { name: "Add pack" }).click();
  await expect(form.getByText("Check the highlighted fields.")).toBeVisible();
  await form.getByLabel("Credits").fill(credits);
  await form.getByLabel("Price").fill("0");
  await form.getByLabel("Description").fill(description);
  await form.getByRole("button", { name: "Add pack" }).click();
  await expect(form.getByText("Must be more than 0.")).toBeVisible();
  await form.getByLabel("Price").fill("7.77");
  await form.getByRole("button", { name: "Add pack" }).click();
  await expect(form.getByRole("status")).toHaveText("Pack added and on sale.");
  const row = admin.getByTestId("admin-pack-row").filter({ hasText: description });
  await expect(row).toContainText("7.77 USD");

  const viewer = await (await browser.newContext()).newPage();
  await signUpNewViewer(viewer, "pack");
  await viewer.goto("/credits");
  await expect(viewer.getByText(`${credits} credits — 7.77 USD`)).toBeVisible();

  // A pack nobody bought may be deleted; deactivating is enough to take it off sale.
  await row.getByRole("button", { name: `Deactivate ${description}`, exact: true }).click();
  await expect(row.getByRole("button", { name: `Activate ${description}`, exact: true })).toBeVisible();
  await viewer.reload();
  await expect(viewer.getByText(`${credits} credits — 7.77 USD`)).toHaveCount(0);
  admin.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: `Delete ${description}` }).click();
  await expect(admin.getByTestId("admin-pack-row").filter({ hasText: description })).toHaveCount(0);
  // The demo's first pack was bought (demo purchases): it offers no delete.
  await expect(admin.getByRole("button", { name: "Delete 600 credits for 10.00" })).toHaveCount(0);
  await viewer.context().close();
  await admin.context().close();
});
