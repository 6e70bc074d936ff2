// Packs every published package the way `pnpm publish` would (publishConfig applied), then proves the
// tarball installs and type-checks for ESM and CJS consumers: publint --strict and attw.
// Run after `pnpm build`. Exits non-zero on the first package that fails.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const out = join(root, ".pack");
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const bin = (name) => join(root, "node_modules", ".bin", name);
let failed = false;
for (const dir of readdirSync(join(root, "packages"))) {
  const pkgDir = join(root, "packages", dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  if (pkg.private) continue;
  console.log(`\n== ${pkg.name}`);
  try {
    execFileSync(bin("publint"), ["--strict", "--pack", "pnpm"], { cwd: pkgDir, stdio: "inherit" });
    const before = new Set(readdirSync(out));
    execFileSync("pnpm", ["pack", "--pack-destination", out], { cwd: pkgDir, stdio: "pipe" });
    const tarball = readdirSync(out).find((f) => !before.has(f));
    execFileSync(bin("attw"), [join(out, tarball), "--format", "table-flipped"], { cwd: pkgDir, stdio: "inherit" });
  } catch {
    failed = true;
    console.error(`packaging check failed for ${pkg.name}`);
  }
}
rmSync(out, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
