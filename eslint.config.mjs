import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (CODE_STYLE.md): pages, route handlers and components never reach the database or
// Prisma's generated code themselves; they call a domain function. Components may also run in the
// browser, so they take their data as props and import no server code; a type-only import of a
// server function's result type is erased at compile time and stays allowed.
const DATABASE = [
  { group: ["@/lib/generated/prisma", "@/lib/generated/prisma/*", "**/lib/generated/prisma/**"], message: "Call a domain function in lib/server/<domain>/ instead of using Prisma here." },
  { group: ["@/lib/db/*", "**/lib/db/*"], message: "Call a domain function in lib/server/<domain>/ instead of using the database here." },
];
const SERVER = [
  {
    group: ["@/lib/server/*", "**/lib/server/*"],
    allowTypeImports: true,
    message: "Components may run in the browser: take the data as props (the page calls lib/server), or use a pure rule from lib/<domain>/.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "lib/generated/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: DATABASE }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["components/**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...DATABASE, ...SERVER] }] },
  },
];

export default config;
