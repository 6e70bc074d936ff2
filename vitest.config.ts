import { defineConfig } from "vitest/config";

// Tests run against each package's TypeScript source through the `@supportops/source` export condition.
const conditions = ["@supportops/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    globalSetup: ["./packages/test-utils/src/globalSetup.ts"],
    setupFiles: ["./packages/test-utils/src/setup.ts"],
    testTimeout: 60_000,
    reporters: ["default"],
  },
});
