import "server-only";
import { cache } from "react";
import { DEFAULT_BRAND, type Brand } from "@/lib/brand/brand";
import { prisma } from "@/lib/db/prisma";

/** The brand settings, read once per request (header, title, wall and e-mails share the read). */
export const getBrand = cache(async (): Promise<Brand> => {
  const row = await prisma.setting.findUnique({
    where: { id: 1 },
    select: { siteName: true, logoPath: true, accentColor: true, wallHeadline: true, adultNotice: true },
  });
  return row ?? DEFAULT_BRAND;
});
