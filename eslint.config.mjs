import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      // All configuration is read in lib/env.ts (DESIGN.md section 2).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  { files: ["lib/env.ts", "e2e/**", "playwright.config.ts", "vitest.config.ts", "test/**", "bench/**", "scripts/**"], rules: { "no-restricted-properties": "off" } },
  { files: ["db/migrations/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
];

export default config;
