import pg from "pg";

// Direct writes for the discovery tests' set-up, in the e2e database (see e2e/room/db.ts).
const url = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54332"}/ppv`;

export async function setTags(performerId: number, tags: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("UPDATE performers SET tags = $2 WHERE id = $1", [performerId, tags]);
  } finally {
    await client.end();
  }
}
