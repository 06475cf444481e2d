import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "../helpers";
import { createPerformer, createViewer } from "./db";

// No serious or critical axe violations (WCAG 2.x A and AA rules) on the pages of this issue, and
// the room's controls work from the keyboard alone.

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test("the wall, a room, the account and the studio have no serious accessibility violations", async ({ browser }) => {
  test.setTimeout(90_000);
  const performer = await createPerformer({ ratePerMinute: 30, status: "online" });
  const viewer = await createViewer({ credits: 300 });

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/");
  await expect(anonymous.getByTestId("performer-card").first()).toBeVisible();
  expect(await seriousViolations(anonymous)).toEqual([]);
  await anonymous.goto(`/performers/${performer.slug}`);
  expect(await seriousViolations(anonymous)).toEqual([]);

  const viewerPage = await (await browser.newContext()).newPage();
  await logIn(viewerPage, viewer.email);
  await viewerPage.goto(`/performers/${performer.slug}`);
  await expect(viewerPage.getByTestId("viewer-count")).toBeVisible();
  await viewerPage.getByRole("button", { name: "Tip 25" }).click();
  expect(await seriousViolations(viewerPage)).toEqual([]);
  await viewerPage.goto("/account");
  await expect(viewerPage.getByTestId("ledger-row").first()).toBeVisible();
  expect(await seriousViolations(viewerPage)).toEqual([]);

  const studio = await (await browser.newContext()).newPage();
  await logIn(studio, performer.email);
  await studio.goto("/studio");
  await studio.getByRole("button", { name: "Go live" }).click();
  await expect(studio.getByRole("button", { name: "Go offline" })).toBeVisible();
  expect(await seriousViolations(studio)).toEqual([]);
});

/** Tabs forward until the focused element matches, like a keyboard user would. */
async function tabTo(page: Page, name: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return `${el.getAttribute("aria-label") ?? ""} ${label ?? ""} ${el.textContent ?? ""}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test("a viewer chats, tips and asks for a private show with the keyboard only", async ({ browser }) => {
  const performer = await createPerformer({ ratePerMinute: 30, status: "online" });
  const viewer = await createViewer({ credits: 300 });
  const page = await (await browser.newContext()).newPage();
  await logIn(page, viewer.email);
  await page.goto(`/performers/${performer.slug}`);
  await expect(page.getByTestId("viewer-count")).toBeVisible();

  await tabTo(page, /^Message/);
  await page.keyboard.type("typed, not clicked");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("chat-message").filter({ hasText: "typed, not clicked" })).toBeVisible();

  await tabTo(page, /^Tip 10$/);
  await page.keyboard.press("Enter");
  // The confirmation takes the focus: Enter confirms.
  await expect(page.getByRole("button", { name: "Confirm tip" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("room-balance")).toHaveText("290");

  await tabTo(page, /^Request private show$/);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("private-requested")).toBeVisible();
});
