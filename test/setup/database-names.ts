// Every test file gets its own database, copied from a migrated template, on the embedded server
// (or on DATABASE_URL's server when it is set; then only databases with these prefixes are touched).

export const TEMPLATE_DB = "ppv_test_template";
export const FILE_DB_PREFIX = "ppv_test_file_";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
