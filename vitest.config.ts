import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next.js the "server-only" guard has nothing to guard against.
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["**/*.test.ts"], exclude: ["**/*.int.test.ts", "node_modules/**", "e2e/**"] } },
      {
        extends: true,
        test: {
          name: "int",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          globalSetup: ["test/postgres-global-setup.ts"],
          setupFiles: ["test/int-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
