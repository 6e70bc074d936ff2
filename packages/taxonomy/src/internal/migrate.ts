import type { Classification, ValidClassification } from "../Classification.js";
import type { MigrationResult, TaxonomyMigration } from "../Taxonomy.js";
import { TaxonomyError } from "../TaxonomyError.js";
import type { Compiled } from "./compile.js";

const quote = (s: string): string => JSON.stringify(s);

/** Re-maps one classification; see `Taxonomy.migrate` and docs/taxonomy.md "Migrations". */
export function migrateClassification(
  compiled: Compiled,
  version: string,
  classification: Classification,
  migration: TaxonomyMigration,
): MigrationResult {
  if (migration.toVersion !== version) {
    throw new TaxonomyError("invalid_migration", [
      {
        code: "version_mismatch",
        path: ["toVersion"],
        message: `the migration goes to version ${quote(migration.toVersion)} but this taxonomy is ${quote(version)}; migrate with the target taxonomy`,
      },
    ]);
  }
  for (const [from, to] of Object.entries(migration.map ?? {})) {
    if (!compiled.byCode.has(to)) {
      throw new TaxonomyError("invalid_migration", [
        { code: "unknown_code", path: ["map", from], message: `map sends ${quote(from)} to ${quote(to)}, which is not a code in version ${quote(version)}` },
      ]);
    }
  }
  if (classification.version === undefined) {
    throw new TaxonomyError("invalid_migration", [
      { code: "missing_version", path: ["version"], message: `the classification carries no version; it cannot be told apart from one made against ${quote(version)}` },
    ]);
  }
  const stamp = (code: string): ValidClassification => {
    const { path: _path, ...rest } = classification;
    const node = compiled.byCode.get(code)!;
    return Object.freeze({ ...rest, code, version, ...(classification.path !== undefined ? { path: node.path } : {}) });
  };
  if (classification.version === version) {
    if (compiled.byCode.has(classification.code)) return { kind: "kept", classification: stamp(classification.code) };
  } else if (classification.version !== migration.fromVersion) {
    throw new TaxonomyError("invalid_migration", [
      {
        code: "version_mismatch",
        path: ["version"],
        message: `the classification was made against ${quote(classification.version)} but the migration starts at ${quote(migration.fromVersion)}; apply the migrations in between first`,
      },
    ]);
  }

  // An explicit map entry names the target; either way a deprecated target goes on to its
  // replacement, so the result is always a code the new version accepts.
  const old = classification.code;
  const target = migration.map?.[old] ?? old;
  const node = compiled.byCode.get(target);
  if (node === undefined) {
    return { kind: "review", classification, candidates: [], reason: `${quote(old)} no longer exists in version ${quote(version)} and the migration does not map it` };
  }
  if (node.deprecated === null) {
    return target === old ? { kind: "kept", classification: stamp(old) } : { kind: "remapped", classification: stamp(target), from: old };
  }
  if (node.replacements.length === 1) {
    return { kind: "remapped", classification: stamp(node.replacements[0]!), from: old };
  }
  return {
    kind: "review",
    classification,
    candidates: node.replacements,
    reason:
      node.replacements.length > 1
        ? `${quote(target)} was split into ${node.replacements.map(quote).join(", ")}; a person must choose`
        : `${quote(target)} was deprecated without replacement (${node.deprecated.reason ?? "no reason given"})`,
  };
}
