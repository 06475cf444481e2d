import "server-only";
import path from "node:path";
import { loadEnv } from "@/lib/env";

/** UPLOAD_DIR as an absolute path (relative values are from the folder the site started in). */
export function uploadDir(override?: string): string {
  // turbopackIgnore: the folder is only known at run time; it must not pull the project into the build trace.
  return path.resolve(/*turbopackIgnore: true*/ override ?? loadEnv().UPLOAD_DIR);
}
