import "server-only";
import { prisma } from "@/lib/db/prisma";
import { sanitizeCustomCss } from "@/lib/settings/custom-css";

/** The admin's custom CSS as it may be served ("" when none, or when the stored value breaks the rules). */
export async function getCustomCss(): Promise<string> {
  const setting = await prisma.setting.findUnique({ where: { id: 1 }, select: { customCss: true } });
  const stored = setting?.customCss ?? "";
  const css = sanitizeCustomCss(stored);
  if (css !== stored) console.warn("[settings] the stored custom CSS breaks the custom CSS rules and is not served; save it again in Settings.");
  return css;
}
