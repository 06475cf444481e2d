"use client";

import { z } from "zod";

// zod probes `new Function("")` to decide whether to compile its parsers; under the pages' CSP (no
// eval) the probe fails harmlessly but reports a CSP violation on every page. In the browser, tell zod
// not to try. (Module scope: runs before any component parses; the server keeps its compiled parsers.)
if (typeof window !== "undefined") z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
