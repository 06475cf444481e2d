import { z } from "zod";
import { MAX_RATE_PER_MINUTE } from "@/lib/money/limits";
import { zDecimal, zEmail, zUsername, zWholeNumber } from "./fields";

export const ZPerformerProfile = z.object({
  displayName: z.string().trim().min(1, "Enter a display name.").max(80, "At most 80 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "At least 2 characters.")
    .max(80, "At most 80 characters.")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lowercase letters, digits and single dashes, e.g. ava-rose."),
  bio: z.string().trim().max(2000, "At most 2000 characters.").default(""),
  ratePerMinute: zWholeNumber({ min: 1, max: MAX_RATE_PER_MINUTE, message: "Enter a whole number of credits.", minMessage: "At least 1 credit." }),
  // decimal(5,2) between 0 and 100, as the database CHECK says.
  benefitPercent: zDecimal({ places: 2, digits: 5, max: "100", allowZero: true }),
});
export type TPerformerProfile = z.infer<typeof ZPerformerProfile>;

export const ZCreatePerformer = ZPerformerProfile.extend({
  email: zEmail,
  username: zUsername,
  password: z.string().min(8, "At least 8 characters.").max(128, "At most 128 characters."),
});
export type TCreatePerformer = z.infer<typeof ZCreatePerformer>;

export const ZPhotoChange = z.object({
  photo: z.string().min(1).max(255),
  change: z.enum(["remove", "primary"]),
});
export type TPhotoChange = z.infer<typeof ZPhotoChange>;
