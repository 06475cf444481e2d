import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { FILE_DB_PREFIX, TEMPLATE_DB, withDatabase } from "./database-names";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  const embedded = external
    ? undefined
    : await startEmbeddedDatabase({ dataDir: ".data/test-postgres", port: Number(process.env.TEST_PG_PORT ?? 54331), database: "postgres" });
  const serverUrl = withDatabase(external ?? embedded!.url, "postgres");
  await dropTestDatabases(serverUrl);
  await query(serverUrl, `CREATE DATABASE "${TEMPLATE_DB}"`);
  await applyMigrations(withDatabase(serverUrl, TEMPLATE_DB));
  project.provide("serverUrl", serverUrl);
  return async () => {
    await dropTestDatabases(serverUrl);
    await embedded?.stop();
  };
}

async function dropTestDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
      [TEMPLATE_DB, `${FILE_DB_PREFIX}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function query(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
