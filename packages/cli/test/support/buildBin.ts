// Builds the `supportops` bin with tsup, as `pnpm build` does, into a folder of the test's own; the
// workspace packages are bundled from their TypeScript source (the `@supportops/source` condition) so
// the test needs no prior build of every package; the CLI's npm dependencies stay external, as published.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "tsup";

export const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** Builds `src/bin.ts` into `build/<name>/bin.js` and returns that path. */
export async function buildBin(name: string): Promise<string> {
  const outDir = `${packageDir}/build/${name}`;
  const { dependencies } = JSON.parse(readFileSync(`${packageDir}/package.json`, "utf8")) as { dependencies: Record<string, string> };
  await build({
    entry: { bin: `${packageDir}/src/bin.ts` },
    outDir,
    format: ["esm"],
    target: "es2022",
    platform: "node",
    dts: false,
    clean: true,
    silent: true,
    sourcemap: true,
    config: false,
    external: Object.keys(dependencies).filter((name) => !name.startsWith("@supportops/")),
    noExternal: [/^@supportops\//, "luxon", "zod", "ts-pattern", /^@noble\//],
    esbuildOptions(options) {
      options.conditions = ["@supportops/source"];
    },
  });
  return `${outDir}/bin.js`;
}
