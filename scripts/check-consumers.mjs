// Consumer test of the packages as published: packs every published package with `pnpm pack` (so
// `publishConfig` and the `workspace:` rewrite apply, as on `pnpm publish`), installs the tarballs into
// three fresh projects in the system temp folder, and compiles a small program that uses every package
// there with the repo's TypeScript, `strict: true` and `skipLibCheck: false`:
//
//   esm      `"type": "module"`, module/moduleResolution NodeNext   consumer-test/esm.ts, also run with node
//   cjs      no `"type"`, module/moduleResolution NodeNext, require  consumer-test/cjs.ts, also run with node
//   bundler  module ESNext, moduleResolution bundler                 consumer-test/esm.ts, type-checked only
//
// Each project also compiles consumer-test/type-error.*.ts, which must fail with exactly the errors it
// marks (`// expect TSxxxx`): passing `{}` where a TimeInput is expected has to be a type error, so the
// check fails if the public types collapse to `any`.
//
// The projects get the tarballs, zod (the peer dependency) and @types/node, nothing else: no luxon and no
// @types/luxon of their own, so a type the packages' .d.ts files need but do not depend on shows up here.
// Dependencies of the tarballs come from the registry (or pnpm's store, with --prefer-offline).
//
// Builds nothing: run `pnpm build` first. Usage: `pnpm check:consumers [--keep]` (--keep, or
// KEEP_CONSUMER_TEST=1, leaves the temp folder in place and prints where it is).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "consumer-test");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const keep = process.argv.includes("--keep") || process.env.KEEP_CONSUMER_TEST === "1";
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const rootPkg = readJson(join(root, "package.json"));
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const projects = [
  { name: "esm", source: "esm.ts", typeError: "type-error.esm.ts", type: "module", module: "NodeNext", moduleResolution: "NodeNext", run: true },
  { name: "cjs", source: "cjs.ts", typeError: "type-error.cjs.ts", type: undefined, module: "NodeNext", moduleResolution: "NodeNext", run: true },
  { name: "bundler", source: "esm.ts", typeError: "type-error.esm.ts", type: "module", module: "ESNext", moduleResolution: "bundler", run: false },
];

/** Runs a command, capturing its output; never throws. */
function run(command, args, cwd) {
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const stdout = result.stdout ?? "";
  return { status: result.status ?? 1, stdout, output: `${stdout}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`, time: seconds(t0) };
}

/** Every file a package's published manifest points at (`exports` as published, main, module, types). */
function publishedFiles(pkg) {
  const files = new Set();
  const walk = (value) => {
    if (typeof value === "string") {
      if (value.startsWith("./") && !value.includes("*") && value !== "./package.json") files.add(value);
    } else if (value !== null && typeof value === "object") {
      for (const v of Object.values(value)) walk(v);
    }
  };
  walk(pkg.publishConfig?.exports ?? pkg.exports);
  for (const field of ["main", "module", "types"]) walk(pkg.publishConfig?.[field] ?? pkg[field]);
  return [...files];
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

// --- 1. The published packages must be built ---------------------------------------------------------
const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({ dir: join(root, "packages", dir), pkg: readJson(join(root, "packages", dir, "package.json")) }))
  .filter(({ pkg }) => !pkg.private);
const missing = packages.flatMap(({ dir, pkg }) => publishedFiles(pkg).filter((file) => !existsSync(join(dir, file))).map((file) => relative(root, join(dir, file))));
if (missing.length > 0) {
  console.error("check:consumers tests the built packages and builds nothing itself: run `pnpm build` first.");
  console.error(`Missing build output:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
for (const { dir, pkg } of packages) {
  const built = Math.min(...publishedFiles(pkg).map((file) => statSync(join(dir, file)).mtimeMs));
  if (existsSync(join(dir, "src")) && newestMtime(join(dir, "src")) > built) {
    console.warn(`warning: ${pkg.name}: src/ has changed since dist/ was built; run \`pnpm build\` to test the current source`);
  }
}

const tsVersion = readJson(join(root, "node_modules", "typescript", "package.json")).version;
if (tsVersion !== rootPkg.devDependencies.typescript) {
  console.error(`node_modules has TypeScript ${tsVersion}, package.json pins ${rootPkg.devDependencies.typescript}: run \`pnpm install\``);
  process.exit(1);
}
const temp = mkdtempSync(join(tmpdir(), "supportops-consumers-"));
const failures = [];
const started = performance.now();
try {
  // --- 2. Pack each package as `pnpm publish` would -------------------------------------------------
  const tarballDir = join(temp, "tarballs");
  mkdirSync(tarballDir);
  const tarballs = {};
  for (const { dir, pkg } of packages) {
    const packed = run("pnpm", ["pack", "--pack-destination", tarballDir, "--json"], dir);
    if (packed.status !== 0) throw new Error(`pnpm pack failed for ${pkg.name}:\n${packed.output}`);
    const { filename } = JSON.parse(packed.stdout);
    tarballs[pkg.name] = resolve(tarballDir, filename);
  }
  const fromTarballs = Object.fromEntries(Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]));
  console.log(`packed ${Object.keys(tarballs).join(", ")}; TypeScript ${tsVersion}`);

  // --- 3. One fresh project per kind of consumer ----------------------------------------------------
  for (const project of projects) {
    const t0 = performance.now();
    const cwd = join(temp, project.name);
    mkdirSync(cwd);
    const fail = (step, output) => {
      failures.push(project.name);
      console.error(`\n✗ ${project.name}: ${step}\n${output.trim()}\n`);
    };
    writeFileSync(
      join(cwd, "package.json"),
      `${JSON.stringify(
        {
          name: `supportops-consumer-${project.name}`,
          version: "0.0.0",
          private: true,
          ...(project.type === undefined ? {} : { type: project.type }),
          dependencies: {
            ...fromTarballs,
            "@types/node": rootPkg.devDependencies["@types/node"],
            zod: rootPkg.devDependencies.zod,
          },
        },
        null,
        2,
      )}\n`,
    );
    // The tarballs' own dependencies on one another (`@supportops/core`: the version being released)
    // must come from the tarballs too, not from the registry.
    writeFileSync(
      join(cwd, "pnpm-workspace.yaml"),
      `overrides:\n${Object.entries(fromTarballs).map(([pkg, spec]) => `  "${pkg}": "${spec}"\n`).join("")}`,
    );
    const compilerOptions = {
      target: "ES2022",
      lib: ["ES2022"],
      module: project.module,
      moduleResolution: project.moduleResolution,
      strict: true,
      skipLibCheck: false,
      types: ["node"],
      rootDir: ".",
      outDir: "out",
      noEmitOnError: true,
      forceConsistentCasingInFileNames: true,
    };
    writeFileSync(join(cwd, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: ["main.ts"] }, null, 2)}\n`);
    writeFileSync(join(cwd, "tsconfig.type-error.json"), `${JSON.stringify({ extends: "./tsconfig.json", files: ["type-error.ts"] }, null, 2)}\n`);
    copyFileSync(join(fixtures, project.source), join(cwd, "main.ts"));
    copyFileSync(join(fixtures, project.typeError), join(cwd, "type-error.ts"));

    // --no-frozen-lockfile: a fresh project has no lockfile, and pnpm freezes the lockfile when CI is set.
    const install = run("pnpm", ["install", "--no-frozen-lockfile", "--prefer-offline"], cwd);
    const times = [`install ${install.time}`];
    if (install.status !== 0) {
      fail("pnpm install failed", install.output);
      continue;
    }

    const check = run(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit", "--pretty", "false"], cwd);
    times.push(`tsc ${check.time}`);
    if (check.status !== 0) {
      fail(`tsc --noEmit failed (${project.source}; module ${project.module}, moduleResolution ${project.moduleResolution})`, check.output);
      continue;
    }

    // The type-error file must fail with exactly the errors it marks, and nothing else.
    const expected = new Set();
    readFileSync(join(cwd, "type-error.ts"), "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const [, code] of line.matchAll(/\/\/ expect (TS\d+)/g)) expected.add(`type-error.ts:${i + 1} ${code}`);
      });
    const negative = run(process.execPath, [tsc, "-p", "tsconfig.type-error.json", "--noEmit", "--pretty", "false"], cwd);
    times.push(`type-error tsc ${negative.time}`);
    const actual = new Set(
      [...negative.output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+):/gm)].map(([, path, line, code]) => `${path}:${line} ${code}`),
    );
    const same = negative.status !== 0 && actual.size === expected.size && [...expected].every((e) => actual.has(e));
    if (!same) {
      fail(
        `${project.typeError} must fail to compile with exactly [${[...expected].join(", ")}]` +
          (negative.status === 0 ? ", but it compiled: the public types accept anything (collapsed to `any`?)" : ", but tsc said:"),
        negative.output,
      );
      continue;
    }

    let ran = "type-checked only";
    if (project.run) {
      // Already type-checked above: only emit the JavaScript.
      const emit = run(process.execPath, [tsc, "-p", "tsconfig.json", "--noCheck", "--pretty", "false"], cwd);
      if (emit.status !== 0) {
        fail("tsc (emit) failed", emit.output);
        continue;
      }
      const node = run(process.execPath, [join("out", "main.js")], cwd);
      if (node.status !== 0 || !node.output.includes("consumer checks passed")) {
        fail(`node out/main.js failed (exit ${node.status})`, node.output);
        continue;
      }
      times.push(`emit ${emit.time}`, `node ${node.time}`);
      ran = "ran with node";
    }
    console.log(
      `✓ ${project.name.padEnd(7)} module ${project.module}, moduleResolution ${project.moduleResolution}: ` +
        `type-checks, ${project.typeError} fails as expected, ${ran} (${seconds(t0)}: ${times.join(", ")})`,
    );
  }
} catch (error) {
  failures.push(String(error?.message ?? error));
  console.error(String(error?.stack ?? error));
} finally {
  if (keep) console.log(`kept ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`check:consumers failed: ${failures.join(", ")} (${seconds(started)})`);
  process.exit(1);
}
console.log(`check:consumers: all ${projects.length} consumer projects pass (${seconds(started)})`);
