import { defineConfig } from "vitest/config";

// Tests run against each package's TypeScript source through the `@supportops/source` export condition.
const conditions = ["@supportops/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["./packages/test-utils/src/globalSetup.ts"],
    setupFiles: ["./packages/test-utils/src/setup.ts"],
    testTimeout: 60_000,
    // CI asks for a JSON report too (VITEST_JSON_REPORT=<file>), to print a closing "N passed, N failed" line.
    reporters: process.env["VITEST_JSON_REPORT"] ? ["default", "json"] : ["default"],
    ...(process.env["VITEST_JSON_REPORT"] ? { outputFile: { json: process.env["VITEST_JSON_REPORT"] } } : {}),
  },
});
