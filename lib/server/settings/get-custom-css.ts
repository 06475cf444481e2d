import "server-only";
import { prisma } from "@/lib/db/prisma";
import { escapeCustomCss } from "@/lib/settings/custom-css";

/** The admin's custom CSS, escaped so it cannot end its <style> element ("" when none). */
export async function getCustomCss(): Promise<string> {
  const setting = await prisma.setting.findUnique({ where: { id: 1 }, select: { customCss: true } });
  return escapeCustomCss(setting?.customCss ?? "");
}
