import { parseWithSchema } from "@supportops/core";
import type { Issue, SafeResult } from "@supportops/core";
import { z } from "zod";
import { ClassificationSchema } from "../Classification.js";
import type { Classification, ValidClassification } from "../Classification.js";
import type { TaxonomyNode, ValidateOptions } from "../Taxonomy.js";
import { TaxonomyError } from "../TaxonomyError.js";
import type { TaxonomyIssueCode } from "../TaxonomyError.js";
import { isRecord } from "./arguments.js";
import type { Compiled } from "./compile.js";

const quote = (s: string): string => JSON.stringify(s);

const MODES = ["create", "update", "historical"] as const;

const ValidateOptionsSchema = z.strictObject({
  mode: z.enum(MODES).optional(),
  status: z.string().optional(),
  previous: ClassificationSchema.optional(),
});

const NO_OPTIONS: ValidateOptions = Object.freeze({});

/**
 * The options of `validate`, checked: plain ones are used as they are (the common case, and a hot
 * path); anything else goes through the schema for its issues (an unknown mode, a misspelt key, …).
 */
function readOptions(options: unknown): ValidateOptions | TaxonomyError {
  if (options === undefined) return NO_OPTIONS;
  if (isPlainOptions(options)) return options;
  const parsed = parseWithSchema<typeof ValidateOptionsSchema, TaxonomyIssueCode>(ValidateOptionsSchema, options, ["options"]);
  return parsed.success ? parsed.data : new TaxonomyError("invalid_argument", parsed.issues);
}

function isPlainOptions(value: unknown): value is ValidateOptions {
  if (!isRecord(value)) return false;
  for (const key in value) if (key !== "mode" && key !== "status" && key !== "previous") return false;
  const { mode, status, previous } = value;
  return (
    (mode === undefined || mode === "create" || mode === "update" || mode === "historical") &&
    (status === undefined || typeof status === "string") &&
    (previous === undefined || (isRecord(previous) && typeof previous["code"] === "string"))
  );
}

/** Whether a field counts as filled in: not absent, null, blank text or an empty list. */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function describeNode(node: TaxonomyNode): string {
  return `${quote(node.code)} (${node.labelPath})`;
}

/** The nodes of codes this taxonomy compiled (replacements, children), in order. */
function nodesOf(compiled: Compiled, codes: ReadonlyArray<string>): TaxonomyNode[] {
  return codes.flatMap((code) => {
    const node = compiled.byCode.get(code);
    return node === undefined ? [] : [node];
  });
}

/**
 * The classification with only its known keys, when its shape is plainly valid (known codes and
 * closure code, a non-empty version, a plain `fields` object); `undefined` sends it through the schema.
 */
function wellFormed(compiled: Compiled, value: unknown): Writable<Classification> | undefined {
  if (!isRecord(value)) return undefined;
  const { code, version, path, closureCode, fields } = value;
  if (typeof code !== "string" || !compiled.byCode.has(code)) return undefined;
  if (version !== undefined && (typeof version !== "string" || version === "")) return undefined;
  if (path !== undefined && !(Array.isArray(path) && path.every((c) => typeof c === "string" && compiled.byCode.has(c)))) return undefined;
  if (closureCode !== undefined && (typeof closureCode !== "string" || !compiled.closureByCode.has(closureCode))) return undefined;
  if (fields !== undefined && !isPlainObject(fields)) return undefined;
  const out: Writable<Classification> = { code };
  if (version !== undefined) out.version = version;
  if (path !== undefined) out.path = path.map(String);
  if (closureCode !== undefined) out.closureCode = closureCode;
  if (fields !== undefined) out.fields = { ...fields };
  return out;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (!isRecord(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A classification this module built and may still complete before freezing it. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Checks the arguments of `Taxonomy.validate`, then applies every rule of the mode; see `Taxonomy.validate`. */
export function validateClassification(compiled: Compiled, value: unknown, rawOptions: unknown): SafeResult<ValidClassification, TaxonomyError> {
  const options = readOptions(rawOptions);
  if (options instanceof TaxonomyError) return { success: false, error: options };
  // Known codes are well-formed by construction, so the common case skips the zod pass; anything
  // unusual goes through the schema for its issues.
  let classification = wellFormed(compiled, value);
  if (classification === undefined) {
    const shape = parseWithSchema<typeof ClassificationSchema, TaxonomyIssueCode>(ClassificationSchema, value);
    if (!shape.success) return { success: false, error: new TaxonomyError("invalid_classification", shape.issues) };
    classification = { ...shape.data };
  }
  const issues = checkClassification(compiled, classification, options);
  if (issues.length > 0) return { success: false, error: new TaxonomyError("invalid_classification", issues) };
  // `classification` is this call's own copy, so it is completed and frozen in place.
  return { success: true, data: Object.freeze(Object.assign(classification, { version: classification.version ?? compiled.definition.version })) };
}

/** Every rule of the mode, applied to a well-formed classification; returns the issues. */
function checkClassification(compiled: Compiled, classification: Writable<Classification>, options: ValidateOptions): Issue<TaxonomyIssueCode>[] {
  const version = compiled.definition.version;
  const mode = options.mode ?? "create";
  const issues: Issue<TaxonomyIssueCode>[] = [];

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
      const instead = nodesOf(compiled, node.replacements).map(describeNode);
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
      const children = (compiled.children.get(node.code) ?? []).filter((c) => c.deprecated === null).map((c) => quote(c.label));
      // At most ten named: a node may have thousands of children, and this runs per classification.
      const shown = children.length > 10 ? [...children.slice(0, 10), "…"] : children;
      issues.push({
        code: "internal_node",
        path: ["code"],
        message: `${describeNode(node)} has subcategories; choose one of ${shown.join(", ")}${compiled.minDepth !== undefined ? ` or any node at level ${compiled.minDepth} or deeper` : ""}`,
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
  if (node !== undefined) for (const field of node.requires) check(field, () => `category ${node.labelPath} requires it`);
  if (closure !== undefined) for (const field of closure.requires) check(field, () => `closure code ${quote(closure.code)} requires it`);
  const ticketStatus = options.status;
  for (const rule of compiled.definition.rules ?? []) {
    const { status, codes, closureCodes } = rule.when;
    if (status !== undefined && (ticketStatus === undefined || !status.includes(ticketStatus))) continue;
    if (codes !== undefined && (node === undefined || !codes.some((c) => node.path.includes(c)))) continue;
    if (closureCodes !== undefined && (classification.closureCode === undefined || !closureCodes.includes(classification.closureCode))) continue;
    for (const field of rule.require) {
      check(field, () => (status !== undefined && ticketStatus !== undefined ? `status ${quote(ticketStatus)} requires it` : "a rule requires it"));
    }
  }
  return issues;
}
