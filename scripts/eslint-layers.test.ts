import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// eslint.config.mjs keeps the layers apart (CODE_STYLE.md): app/ and components/ never import Prisma
// or the database, and components import no server code (types excepted: they are erased).

const eslint = new ESLint({ cwd: path.join(import.meta.dirname, "..") });

async function restricted(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: path.join(import.meta.dirname, "..", file) });
  return result!.messages.some((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
}

describe("the layer rule of eslint.config.mjs", () => {
  it("refuses Prisma and the database in app/ and components/", async () => {
    for (const file of ["app/x/page.tsx", "app/api/x/route.ts", "components/x.tsx"]) {
      expect(await restricted(file, 'import { prisma } from "@/lib/db/prisma";\nexport const x = prisma;\n'), file).toBe(true);
      expect(await restricted(file, 'import { Prisma } from "@/lib/generated/prisma/client";\nexport const x = Prisma;\n'), file).toBe(true);
    }
  }, 60_000);

  it("refuses lib/server in components but not in app/, and allows a type-only import", async () => {
    const code = 'import { getCurrentUser } from "@/lib/server/auth/current-user";\nexport const x = getCurrentUser;\n';
    expect(await restricted("components/x.tsx", code)).toBe(true);
    expect(await restricted("app/x/page.tsx", code)).toBe(false);
    expect(await restricted("components/x.tsx", 'import type { CurrentUser } from "@/lib/server/auth/current-user";\nexport type X = CurrentUser;\n')).toBe(false);
    expect(await restricted("lib/server/x.ts", 'import { prisma } from "@/lib/db/prisma";\nexport const x = prisma;\n')).toBe(false);
  }, 60_000);
});
