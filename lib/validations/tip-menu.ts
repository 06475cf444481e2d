import { z } from "zod";

export const TIP_MENU_MAX_ITEMS = 20;

const ZItem = z.object({
  label: z.string().trim().min(1, "A name.").max(80, "At most 80 characters."),
  credits: z.int("A whole number of credits.").min(1, "At least 1 credit.").max(100_000, "At most 100000 credits."),
});

export const ZTipMenu = z.array(ZItem).max(TIP_MENU_MAX_ITEMS, `At most ${TIP_MENU_MAX_ITEMS} items.`);
export type TTipMenu = z.output<typeof ZTipMenu>;

/**
 * The studio's tip-menu textarea: one item per line, "Dance = 50". Blank lines are skipped; the
 * error names the line.
 */
export const ZTipMenuText = z
  .string()
  .max(4000, "At most 4000 characters.")
  .transform((text, ctx) => {
    const items: { label: string; credits: number }[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
      if (line.trim() === "") return;
      const match = /^(.*\S)\s*=\s*(\d{1,6})\s*$/.exec(line.trim());
      if (!match) {
        ctx.addIssue({ code: "custom", message: `Line ${index + 1}: write it as "Dance = 50".` });
        return;
      }
      items.push({ label: match[1]!.trim(), credits: Number(match[2]) });
    });
    return items;
  })
  .pipe(ZTipMenu);

export const ZGoal = z.object({
  title: z.string().trim().min(1, "A title.").max(120, "At most 120 characters."),
  target: z.string().regex(/^\d{1,9}$/, "A whole number of credits.").transform(Number).pipe(z.int().min(1, "At least 1 credit.").max(100_000_000)),
});
export type TGoal = z.output<typeof ZGoal>;
