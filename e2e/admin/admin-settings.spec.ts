import { expect as baseExpect, test } from "@playwright/test";
import { adminPage } from "./admin-helpers";

// Server actions and sign-ups (bcrypt) are slow on a busy 2-core machine: generous waits.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

test("custom CSS is saved, refused when it could leave its <style>, and applied on the wall", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/admin/settings");
  const css = page.getByLabel("Custom CSS");
  const previous = await css.inputValue();
  await css.fill("</style><script>window.pwned = 1</script>");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/may not contain/)).toBeVisible();

  const marker = `--e2e-marker-${Date.now()}`;
  await css.fill(`${previous}\nbody { ${marker}: 1; }`);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  const wall = await (await browser.newContext()).newPage();
  await wall.goto("/");
  await expect.poll(() => wall.getByTestId("custom-css").evaluate((el) => el.textContent)).toContain(marker);
  expect(await wall.evaluate((name) => getComputedStyle(document.body).getPropertyValue(name), marker)).toBe("1");

  // Put the CSS back so the rest of the suite sees the site as it was.
  await css.fill(previous);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await wall.context().close();
  await page.context().close();
});
