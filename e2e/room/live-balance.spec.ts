import { expect, test, type Browser } from "@playwright/test";
import { adminPage } from "../admin/admin-helpers";
import { logIn } from "../helpers";
import { createPerformer, createViewer } from "./db";

// One balance per user, pushed by the server: the header and the room show the same number and
// follow every change without a reload, and the controls that depend on it follow too.

async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

test("credits an admin adds reach the viewer's header and room within seconds, and the private-show button enables", async ({ browser }) => {
  test.setTimeout(90_000);
  const performer = await createPerformer({ ratePerMinute: 100, status: "online" });
  const viewer = await createViewer({ credits: 40 });
  const room = await signedIn(browser, viewer.email);
  await room.goto(`/performers/${performer.slug}`);
  await expect(room.getByTestId("viewer-count")).toBeVisible();
  await expect(room.getByTestId("header-credits")).toHaveText("40");
  await expect(room.getByTestId("room-balance")).toHaveText("40");
  await expect(room.getByRole("button", { name: "Request private show" })).toBeDisabled();
  await expect(room.getByRole("button", { name: "Tip 50" })).toBeDisabled();

  const admin = await adminPage(browser);
  await admin.goto(`/admin/users/${viewer.id}`);
  const form = admin.getByRole("form", { name: "Adjust credits" });
  await form.getByLabel("Credits (+ or −)").fill("500");
  await form.getByLabel("Reason").fill("live balance e2e");
  await form.getByRole("button", { name: "Apply adjustment" }).click();
  await expect(form.getByRole("status")).toHaveText("Credits adjusted.");

  await expect(room.getByTestId("header-credits")).toHaveText("540", { timeout: 5_000 });
  await expect(room.getByTestId("room-balance")).toHaveText("540");
  await expect(room.getByRole("button", { name: "Request private show" })).toBeEnabled();
  await expect(room.getByRole("button", { name: "Tip 50" })).toBeEnabled();
});

test("a tip updates the header and the room alike", async ({ browser }) => {
  const performer = await createPerformer({ ratePerMinute: 30, status: "online" });
  const viewer = await createViewer({ credits: 3000 });
  const room = await signedIn(browser, viewer.email);
  await room.goto(`/performers/${performer.slug}`);
  await expect(room.getByTestId("viewer-count")).toBeVisible();
  await room.getByRole("button", { name: "Tip 50" }).click();
  await room.getByRole("button", { name: "Confirm tip" }).click();
  await expect(room.getByTestId("tip-notice")).toContainText("You tipped");
  await expect(room.getByTestId("room-balance")).toHaveText("2950");
  await expect(room.getByTestId("header-credits")).toHaveText("2950");
});

test("tip buttons are off at 0 credits and while the performer is offline, with the reason", async ({ browser }) => {
  const online = await createPerformer({ ratePerMinute: 30, status: "online" });
  const offline = await createPerformer({ ratePerMinute: 30, status: "offline" });
  const broke = await createViewer({ credits: 0 });
  const rich = await createViewer({ credits: 1000 });

  const page = await signedIn(browser, broke.email);
  await page.goto(`/performers/${online.slug}`);
  await expect(page.getByTestId("viewer-count")).toBeVisible();
  for (const name of ["Tip 10", "Tip 25", "Tip 50", "Tip 100", "Other amount"]) await expect(page.getByRole("button", { name, exact: true })).toBeDisabled();
  await expect(page.getByTestId("tip-blocker")).toContainText("You have no credits");

  const other = await signedIn(browser, rich.email);
  await other.goto(`/performers/${offline.slug}`);
  await expect(other.getByTestId("viewer-count")).toBeVisible();
  await expect(other.getByRole("button", { name: "Tip 10", exact: true })).toBeDisabled();
  await expect(other.getByTestId("tip-blocker")).toContainText("offline");
});
