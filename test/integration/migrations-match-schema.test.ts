import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkMigrations } from "../../scripts/check-migrations";
import { SCHEMA_PATH } from "../../scripts/lib/prisma-wasm";

// Each check replays prisma/migrations in a scratch PostgreSQL through Prisma 6.19's WebAssembly
// engine: a few seconds normally, much more on a first run (initdb) or a busy machine.
const TIMEOUT = 120_000;

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("describe the same database (the hand-written CHECKs, partial indexes and trigger are not drift)", async () => {
    expect(await checkMigrations()).toBe("");
  }, TIMEOUT);

  it("are reported as different when the schema has a field no migration creates", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "schema-drift-"));
    try {
      const schema = readFileSync(SCHEMA_PATH, "utf8");
      const changed = schema.replace(/^model Setting \{$/m, "model Setting {\n  driftProbe String?");
      expect(changed).not.toBe(schema);
      const schemaPath = path.join(dir, "schema.prisma");
      writeFileSync(schemaPath, changed);

      const drift = await checkMigrations({ schemaPath });

      expect(drift).toContain('ALTER TABLE "settings" ADD COLUMN     "driftProbe" TEXT;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, TIMEOUT);
});
