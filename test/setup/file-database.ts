import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { FILE_DB_PREFIX, TEMPLATE_DB, withDatabase } from "./database-names";

// Runs before each test file, in its own worker: a fresh database copied from the migrated template.
const serverUrl = inject("serverUrl");
const name = `${FILE_DB_PREFIX}${randomBytes(6).toString("hex")}`;

async function createFromTemplate(attempt = 1): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  } catch (error) {
    // Two files copying the template at the same instant can collide; a retry settles it.
    if (attempt >= 10) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    await createFromTemplate(attempt + 1);
  } finally {
    await client.end();
  }
}

await createFromTemplate();
process.env.DATABASE_URL = withDatabase(serverUrl, name);
process.env.AUTH_SECRET ??= "test-auth-secret-".padEnd(40, "x");
process.env.CHAT_API_SECRET ??= "test-chat-secret-".padEnd(40, "y");
