import type { Issue } from "@supportops/core";
import type { Classification, ValidClassification } from "../Classification.js";
import type { TaxonomyNode, ValidateOptions } from "../Taxonomy.js";
import type { Compiled } from "./compile.js";

const quote = (s: string): string => JSON.stringify(s);

/** Whether a field counts as filled in: not absent, null, blank text or an empty list. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function describeNode(node: TaxonomyNode): string {
  return `${quote(node.code)} (${node.labelPath})`;
}

/**
 * The classification with only its known keys, when its shape is plainly valid (known codes and
 * closure code, a non-empty version, a plain `fields` object); `undefined` sends it through the schema.
 */
export function wellFormed(compiled: Compiled, value: unknown): Writable<Classification> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { code, version, path, closureCode, fields } = value as Record<string, unknown>;
  if (typeof code !== "string" || !compiled.byCode.has(code)) return undefined;
  if (version !== undefined && (typeof version !== "string" || version === "")) return undefined;
  if (path !== undefined && !(Array.isArray(path) && path.every((c) => typeof c === "string" && compiled.byCode.has(c)))) return undefined;
  if (closureCode !== undefined && (typeof closureCode !== "string" || !compiled.closureByCode.has(closureCode))) return undefined;
  if (fields !== undefined) {
    if (typeof fields !== "object" || fields === null) return undefined;
    const proto: unknown = Object.getPrototypeOf(fields);
    if (proto !== Object.prototype && proto !== null) return undefined;
  }
  const out: Writable<Classification> = { code };
  if (version !== undefined) out.version = version;
  if (path !== undefined) out.path = [...(path as string[])];
  if (closureCode !== undefined) out.closureCode = closureCode;
  if (fields !== undefined) out.fields = { ...(fields as Record<string, unknown>) };
  return out;
}

/** A classification this module built and may still complete before freezing it. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Applies every rule of the mode to a schema-valid classification; see `Taxonomy.validate`. */
export function validateClassification(
  compiled: Compiled,
  version: string,
  classification: Writable<Classification>,
  options: ValidateOptions,
): { issues: Issue[] } | { data: ValidClassification } {
  const mode = options.mode ?? "create";
  const issues: Issue[] = [];
  if (mode !== "create" && mode !== "update" && mode !== "historical") {
    // Only reachable from JavaScript; a typo here would otherwise skip the deprecation rules silently.
    return {
      issues: [{ code: "invalid_option", path: ["options", "mode"], message: `mode ${quote(String(mode))} is not "create", "update" or "historical"` }],
    };
  }

  // T12: the version is stamped on create/update, and must be there already on a historical record.
  if (classification.version === undefined) {
    if (mode === "historical") {
      issues.push({
        code: "missing_version",
        path: ["version"],
        message: `a historical classification must say which taxonomy version it was made against; this taxonomy is ${quote(version)}`,
      });
    }
  } else if (classification.version !== version) {
    issues.push({
      code: "version_mismatch",
      path: ["version"],
      message: `the classification was made against version ${quote(classification.version)}, this taxonomy is ${quote(version)}; migrate it first (tax.migrate)`,
    });
  }

  const node = compiled.byCode.get(classification.code);
  if (node === undefined) {
    issues.push({
      code: "unknown_code",
      path: ["code"],
      message: `${quote(classification.code)} is not a node code in taxonomy version ${quote(version)}; store codes, not labels (use tax.resolve to turn a label path into a code)`,
    });
  } else {
    // T5: level-by-level values must be a chain of parent → child.
    if (classification.path !== undefined) {
      const expected = node.path;
      const given = classification.path;
      const same = given.length === expected.length && given.every((c, i) => c === expected[i]);
      if (!same) {
        issues.push({
          code: "inconsistent_path",
          path: ["path"],
          message: `levels [${given.map(quote).join(", ")}] do not lead to ${quote(node.code)}; each level must be a child of the previous one: [${expected.map(quote).join(", ")}]`,
        });
      }
    }
    const unchanged = mode === "update" && options.previous?.code === node.code;
    const judgeSelection = mode === "create" || (mode === "update" && !unchanged);
    if (judgeSelection && node.deprecated !== null) {
      const instead = node.replacements.map((c) => describeNode(compiled.byCode.get(c)!));
      issues.push({
        code: "deprecated_code",
        path: ["code"],
        message:
          `${describeNode(node)} is deprecated and cannot be chosen on ${mode === "create" ? "a new classification" : "a changed classification"}; ` +
          (instead.length === 1
            ? `use ${instead[0]} instead`
            : instead.length > 1
              ? `choose one of ${instead.join(", ")}`
              : `no replacement (${node.deprecated.reason ?? "retired"}); choose another category`),
      });
    } else if (judgeSelection && !node.selectable) {
      const children = node.children
        .map((c) => compiled.byCode.get(c)!)
        .filter((c) => c.deprecated === null)
        .map((c) => quote(c.label));
      issues.push({
        code: "internal_node",
        path: ["code"],
        message: `${describeNode(node)} has subcategories; choose one of ${children.join(", ")}${compiled.minDepth !== undefined ? ` or any node at level ${compiled.minDepth} or deeper` : ""}`,
      });
    }
  }

  // Closure codes (T9) and required fields (T5, T8, T9).
  const closure = classification.closureCode === undefined ? undefined : compiled.closureByCode.get(classification.closureCode);
  if (classification.closureCode !== undefined && closure === undefined) {
    issues.push({
      code: "unknown_closure_code",
      path: ["closureCode"],
      message: `${quote(classification.closureCode)} is not a closure code; use one of ${compiled.closureCodes.map((c) => quote(c.code)).join(", ") || "(none defined)"}`,
    });
  }
  // Each required field is reported once, with the first reason found; reasons are only spelled out
  // for fields that are missing.
  const reported = new Set<string>();
  const check = (field: string, why: () => string): void => {
    if (reported.has(field)) return;
    const value = field === "closureCode" ? classification.closureCode : classification.fields?.[field];
    if (isPresent(value)) return;
    reported.add(field);
    issues.push({
      code: "missing_field",
      path: field === "closureCode" ? ["closureCode"] : ["fields", field],
      message: `${field} is missing: ${why()}`,
    });
  };
  for (const field of node?.requires ?? []) check(field, () => `category ${node!.labelPath} requires it`);
  for (const field of closure?.requires ?? []) check(field, () => `closure code ${quote(closure!.code)} requires it`);
  for (const rule of compiled.definition.rules ?? []) {
    const { status, codes, closureCodes } = rule.when;
    if (status !== undefined && (options.status === undefined || !status.includes(options.status))) continue;
    if (codes !== undefined && (node === undefined || !codes.some((c) => node.path.includes(c)))) continue;
    if (closureCodes !== undefined && (classification.closureCode === undefined || !closureCodes.includes(classification.closureCode))) continue;
    for (const field of rule.require) check(field, () => (status !== undefined ? `status ${quote(options.status!)} requires it` : "a rule requires it"));
  }

  if (issues.length > 0) return { issues };
  if (classification.version === undefined) classification.version = version;
  return { data: Object.freeze(classification) as ValidClassification };
}
