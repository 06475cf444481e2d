import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // "server-only" throws outside React Server Components; tests call server code directly.
      "server-only": path.join(root, "test/stubs/server-only.ts"),
    },
  },
  test: {
    // Two cores: one worker per core, each test file in its own database.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/setup/global-database.ts"],
          setupFiles: ["test/setup/file-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Needs the production build: `npm test` runs it after `npm run build`.
        test: { name: "chaos", include: ["test/chaos/**/*.test.ts"], testTimeout: 240_000 },
      },
    ],
  },
});
