import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React Server Components bundle; tests import the data layer directly.
      "server-only": path.join(root, "lib/server/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "deploy/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/server/testing/pg-global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20000,
    // Creating and dropping a database per test file takes seconds when the machine is busy.
    hookTimeout: 60000,
  },
});
