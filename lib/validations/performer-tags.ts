import { z } from "zod";
import { parseTags, tagsProblem } from "@/lib/performers/tags";

/** The tags form (studio and admin): one comma-separated text field. */
export const ZPerformerTags = z.object({
  tags: z
    .string()
    .max(300, "At most 300 characters.")
    .transform(parseTags)
    .superRefine((tags, ctx) => {
      const problem = tagsProblem(tags);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
