import type { z } from "zod";
import { actionError, type ActionResult } from "./action-result";

/**
 * A server action for a public form: the fields parsed by `schema` (zod errors become field errors),
 * then one domain call; any refusal becomes an ActionResult, never a thrown error.
 */
export function formAction<S extends z.ZodType>(schema: S, run: (input: z.output<S>) => Promise<void>) {
  return async (formData: FormData): Promise<ActionResult> => {
    try {
      await run(schema.parse(Object.fromEntries(formData)));
      return { ok: true, data: undefined };
    } catch (error) {
      return actionError(error);
    }
  };
}
