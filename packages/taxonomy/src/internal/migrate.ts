import { parseWithSchema } from "@supportops/core";
import { z } from "zod";
import { ClassificationSchema } from "../Classification.js";
import type { Classification, ValidClassification } from "../Classification.js";
import type { MigrationResult, TaxonomyMigration, TaxonomyNode } from "../Taxonomy.js";
import { TaxonomyError } from "../TaxonomyError.js";
import type { TaxonomyIssueCode } from "../TaxonomyError.js";
import { isRecord, parseArgument, wrongType } from "./arguments.js";
import type { Compiled } from "./compile.js";

const quote = (s: string): string => JSON.stringify(s);

// Not strict: a TaxonomyDiff is a migration with more keys.
const TaxonomyMigrationSchema = z.object({
  fromVersion: z.string(),
  toVersion: z.string(),
  map: z.record(z.string(), z.string()).optional(),
});

// Loose: keys of the caller's own are carried over to the migrated classification.
const MigratedClassificationSchema = ClassificationSchema.loose();

/** The classification argument of `migrate`, checked; other keys (a caller's own) are kept as they are. */
function readClassification(value: unknown): Classification {
  if (!isRecord(value)) throw wrongType(["classification"], "a classification { code, version, … }", value);
  return parseArgument(MigratedClassificationSchema, value, ["classification"]);
}

/** The migration argument of `migrate`: a missing or non-object one is `invalid_argument`, a malformed one `invalid_migration`. */
function readMigration(value: unknown): TaxonomyMigration {
  if (!isRecord(value)) {
    throw wrongType(["migration"], "a migration { fromVersion, toVersion, map? } (what diffTaxonomies(old, new) returns) as the second argument", value);
  }
  const parsed = parseWithSchema<typeof TaxonomyMigrationSchema, TaxonomyIssueCode>(TaxonomyMigrationSchema, value, ["migration"]);
  if (!parsed.success) throw new TaxonomyError("invalid_migration", parsed.issues);
  return parsed.data;
}

/** Re-maps one classification; see `Taxonomy.migrate` and docs/taxonomy.md "Migrations". */
export function migrateClassification(compiled: Compiled, value: unknown, rawMigration: unknown): MigrationResult {
  const classification = readClassification(value);
  const migration = readMigration(rawMigration);
  const version = compiled.definition.version;
  if (migration.toVersion !== version) {
    throw new TaxonomyError("invalid_migration", [
      {
        code: "version_mismatch",
        path: ["migration", "toVersion"],
        message: `the migration goes to version ${quote(migration.toVersion)} but this taxonomy is ${quote(version)}; migrate with the target taxonomy`,
      },
    ]);
  }
  for (const [from, to] of Object.entries(migration.map ?? {})) {
    if (!compiled.byCode.has(to)) {
      throw new TaxonomyError("invalid_migration", [
        { code: "unknown_code", path: ["migration", "map", from], message: `map sends ${quote(from)} to ${quote(to)}, which is not a code in version ${quote(version)}` },
      ]);
    }
  }
  if (classification.version === undefined) {
    throw new TaxonomyError("invalid_migration", [
      { code: "missing_version", path: ["classification", "version"], message: `the classification carries no version; it cannot be told apart from one made against ${quote(version)}` },
    ]);
  }
  const stamp = (node: TaxonomyNode): ValidClassification => {
    const { path: _path, ...rest } = classification;
    return Object.freeze({ ...rest, code: node.code, version, ...(classification.path !== undefined ? { path: node.path } : {}) });
  };
  if (classification.version === version) {
    const current = compiled.byCode.get(classification.code);
    if (current !== undefined) return { kind: "kept", classification: stamp(current) };
  } else if (classification.version !== migration.fromVersion) {
    throw new TaxonomyError("invalid_migration", [
      {
        code: "version_mismatch",
        path: ["classification", "version"],
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
    return target === old ? { kind: "kept", classification: stamp(node) } : { kind: "remapped", classification: stamp(node), from: old };
  }
  const [only, ...others] = node.replacements;
  const replacement = only === undefined || others.length > 0 ? undefined : compiled.byCode.get(only);
  if (replacement !== undefined) return { kind: "remapped", classification: stamp(replacement), from: old };
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
