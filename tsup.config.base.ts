import { defineConfig, type Options } from "tsup";

/**
 * The one build recipe every published package uses: ESM + CJS + `.d.ts`, with source maps,
 * from `src/index.ts`. Dependencies and peer dependencies stay external.
 */
export function packageConfig(overrides: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: { compilerOptions: { composite: false, customConditions: [] } },
    sourcemap: true,
    clean: true,
    target: "es2022",
    treeshake: true,
    splitting: false,
    ...overrides,
  });
}
