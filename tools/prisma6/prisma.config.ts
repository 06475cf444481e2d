// Config for the Prisma 6.19 CLI in tools/prisma6 (see scripts/lib/prisma-wasm.ts, which sets the
// PRISMA6_* variables). Lives here so that `@prisma/adapter-pg` and `prisma/config` resolve to the 6.19
// copies in tools/prisma6/node_modules, not to Prisma 7 in the root node_modules.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this through scripts/lib/prisma-wasm.ts`);
  return value;
}

// adapter-pg 6.19 refuses result columns of type `name` (oid 19; prisma/prisma#27403) and `"char"`
// (oid 18), which the WebAssembly schema engine reads from pg_catalog (e.g. pg_constraint.contype, read
// as soon as a migration has a CHECK constraint). Both arrive from pg as plain strings. So each
// queryable's performIO relabels them as `text` (oid 25) before the adapter maps types, and its
// queryRaw then reports the `"char"` columns as Character: the engine panics on a Text there.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils 6.19

type Field = { dataTypeID: number };
type Queryable = {
  performIO(query: object): Promise<{ fields: Field[] }>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
  startTransaction?(...args: unknown[]): Promise<Queryable>;
};

// Reaches into adapter-pg's private performIO, hence the cast; the version is pinned in package.json.
function patchQueryable<T extends object>(adapter: T): T {
  const q = adapter as unknown as Queryable;
  const charColumns = new WeakMap<object, number[]>(); // keyed by the query object both calls share
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    // A multi-statement script (how migrations are applied) yields an array of results: nothing to map.
    if (!Array.isArray(result.fields)) return result;
    const chars: number[] = [];
    result.fields = result.fields.map((field, i) => {
      if (field.dataTypeID === CHAR_OID) chars.push(i);
      return field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID ? { ...field, dataTypeID: TEXT_OID } : field;
    });
    charColumns.set(query, chars);
    return result;
  };
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  const startTransaction = q.startTransaction?.bind(q);
  if (startTransaction) q.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  return adapter;
}

// Discrete connection fields, not a connection string: simpler to point at another database.
const connection = JSON.parse(required("PRISMA6_PG")) as {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
};
// allowExitOnIdle: pooled connections the engine never closes must not keep the CLI alive.
const poolOptions = { allowExitOnIdle: true, idleTimeoutMillis: 1000 };

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: required("PRISMA6_SCHEMA"),
  migrations: { path: required("PRISMA6_MIGRATIONS") },
  adapter: async () => {
    const factory = new PrismaPg({ ...connection, ...poolOptions });
    const connect = factory.connect.bind(factory);
    factory.connect = async () => patchQueryable(await connect());
    // adapter-pg's own shadow database would be `{ ...config, database }` (with a connection string
    // that is the main database again), and it is left behind when a migration fails. The caller
    // creates an empty one beside the scratch database and drops both afterwards.
    const shadow = new PrismaPg({ ...connection, ...poolOptions, database: required("PRISMA6_SHADOW_DATABASE") });
    factory.connectToShadowDb = async () => patchQueryable(await shadow.connect());
    return factory;
  },
});
