import { formatPath, type Issue, type IssuePath } from "@supportops/core";
import type { TaxonomyClosureCode, TaxonomyNode } from "../Taxonomy.js";
import type { TaxonomyDefinition, TaxonomyNodeDefinition } from "../TaxonomyDefinition.js";
import { clashesWithSeparator, normalizeLabel } from "./normalize.js";

/** Defaults applied when a definition leaves a setting out. */
export const DEFAULT_MAX_DEPTH = 3;
export const DEFAULT_SEPARATOR = "::";
export const DEFAULT_MAX_LABEL_LENGTH = 255;

/** What `createTaxonomy` builds from a definition that passed the schema. */
export interface Compiled {
  readonly nodes: ReadonlyArray<TaxonomyNode>;
  readonly byCode: ReadonlyMap<string, TaxonomyNode>;
  readonly roots: ReadonlyArray<string>;
  readonly closureCodes: ReadonlyArray<TaxonomyClosureCode>;
  readonly closureByCode: ReadonlyMap<string, TaxonomyClosureCode>;
  readonly separator: string;
  readonly maxDepth: number;
  readonly minDepth: number | undefined;
  readonly definition: TaxonomyDefinition;
  /** Normalised label and aliases of each node (label first), computed once for checks and lookups. */
  readonly nameKeys: ReadonlyMap<string, ReadonlyArray<string>>;
}

interface Entry {
  readonly def: TaxonomyNodeDefinition;
  readonly at: IssuePath;
  parent: string | null;
  readonly children: string[];
}

const quote = (s: string): string => JSON.stringify(s);

/** Runs the structural rules (T1–T7, T9) over a schema-valid definition; returns issues or the compiled tree. */
export function compile(def: TaxonomyDefinition): { issues: Issue[] } | { compiled: Compiled } {
  const issues: Issue[] = [];
  const separator = def.separator ?? DEFAULT_SEPARATOR;
  const maxDepth = def.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxLabelLength = def.maxLabelLength ?? DEFAULT_MAX_LABEL_LENGTH;
  if (def.minDepth !== undefined && def.minDepth > maxDepth) {
    issues.push({
      code: "invalid_limits",
      path: ["minDepth"],
      message: `minDepth ${def.minDepth} is deeper than maxDepth ${maxDepth}; choose minDepth ≤ maxDepth`,
    });
  }

  // 1. Flatten nested and flat nodes; codes are unique across the taxonomy (T1).
  const entries = new Map<string, Entry>();
  const order: string[] = [];
  const visit = (node: TaxonomyNodeDefinition, at: IssuePath, enclosing: string | null): void => {
    const seen = entries.get(node.code);
    if (seen !== undefined) {
      issues.push({
        code: "duplicate_code",
        path: [...at, "code"],
        message: `code ${quote(node.code)} is already used by the node at ${formatPath(seen.at)}; codes must be unique across the taxonomy`,
      });
    } else {
      if (enclosing !== null && node.parent !== undefined && node.parent !== enclosing) {
        issues.push({
          code: "conflicting_parent",
          path: [...at, "parent"],
          message: `parent ${quote(node.parent)} contradicts the enclosing node ${quote(enclosing)}; omit parent on nested nodes`,
        });
      }
      entries.set(node.code, { def: node, at, parent: enclosing ?? node.parent ?? null, children: [] });
      order.push(node.code);
    }
    (node.children ?? []).forEach((child, i) => visit(child, [...at, "children", i], node.code));
  };
  def.nodes.forEach((node, i) => visit(node, ["nodes", i], null));

  // 2. Parents exist; link children in definition order.
  for (const code of order) {
    const entry = entries.get(code)!;
    if (entry.parent === null) continue;
    const parent = entries.get(entry.parent);
    if (parent === undefined) {
      issues.push({
        code: "unknown_parent",
        path: [...entry.at, "parent"],
        message: `parent ${quote(entry.parent)} is not a code in this taxonomy; name an existing node or omit parent for a top-level node`,
      });
      entry.parent = null;
    } else {
      parent.children.push(code);
    }
  }

  // 3. No cycles through parent links (only flat nodes can form one). Each node is walked once:
  // a walk stops at a node an earlier walk finished, so a long chain costs linear time.
  const inCycle = new Set<string>();
  const walked = new Map<string, "walking" | "done">();
  for (const code of order) {
    const trail: string[] = [];
    let cursor: string | null = code;
    while (cursor !== null && !walked.has(cursor)) {
      walked.set(cursor, "walking");
      trail.push(cursor);
      cursor = entries.get(cursor)?.parent ?? null;
    }
    if (cursor !== null && walked.get(cursor) === "walking") {
      const cycle = trail.slice(trail.indexOf(cursor));
      cycle.forEach((c) => inCycle.add(c));
      const first = entries.get(cycle[0]!)!;
      // Break the cycle so the remaining checks can run; the issue already fails the definition.
      const parentOfFirst = entries.get(first.parent!)!;
      parentOfFirst.children.splice(parentOfFirst.children.indexOf(cycle[0]!), 1);
      first.parent = null;
      issues.push({
        code: "cycle",
        path: [...first.at, "parent"],
        message: `parent links form a cycle (${[...cycle, cycle[0]!].map(quote).join(" → ")}); a node cannot be its own ancestor`,
      });
    }
    for (const c of trail) walked.set(c, "done");
  }

  // 4. Depth (T3), labels (T7, T2), deprecations (T6). Depths are memoised: one walk per node.
  const depths = new Map<string, number>();
  const depthOf = (code: string): number => {
    const pending: string[] = [];
    let c: string | null = code;
    let base = 0;
    while (c !== null) {
      const known = depths.get(c);
      if (known !== undefined) {
        base = known;
        break;
      }
      pending.push(c);
      c = entries.get(c)!.parent;
    }
    for (let i = pending.length - 1; i >= 0; i--) depths.set(pending[i]!, ++base);
    return depths.get(code)!;
  };
  const roots = order.filter((code) => entries.get(code)!.parent === null && !inCycle.has(code));
  const separatorKey = normalizeLabel(separator);
  const nameKeys = new Map<string, string[]>();
  for (const code of order) {
    const { def: node, at } = entries.get(code)!;
    const depth = depthOf(code);
    if (depth > maxDepth) {
      issues.push({
        code: "too_deep",
        path: at,
        message: `node ${quote(code)} is at level ${depth}, deeper than maxDepth ${maxDepth}; move it up or raise maxDepth`,
      });
    }
    // Issue paths are built only when there is an issue: this loop runs for every node.
    const names = node.aliases === undefined ? [node.label] : [node.label, ...node.aliases];
    const keys = names.map(normalizeLabel);
    nameKeys.set(code, keys);
    for (const [k, text] of names.entries()) {
      const where = (): IssuePath => (k === 0 ? [...at, "label"] : [...at, "aliases", k - 1]);
      if (clashesWithSeparator(text, keys[k]!, separator, separatorKey)) {
        issues.push({
          code: "separator_in_label",
          path: where(),
          message: `${quote(text)} contains the path separator ${quote(separator)} or starts or ends with one of its characters; remove it or choose another separator`,
        });
      }
      if (text.length > maxLabelLength) {
        issues.push({
          code: "label_too_long",
          path: where(),
          message: `${quote(text.length > 40 ? `${text.slice(0, 40)}…` : text)} is ${text.length} characters long; labels and aliases are at most ${maxLabelLength}`,
        });
      }
    }
    if (node.deprecated !== undefined) {
      const replacedBy = node.deprecated.replacedBy ?? [];
      if (replacedBy.length === 0 && node.deprecated.reason === undefined) {
        issues.push({
          code: "missing_replacement",
          path: [...at, "deprecated"],
          message: `deprecated node ${quote(code)} names neither replacedBy nor a reason; give the codes that replace it or say why there is none`,
        });
      }
      replacedBy.forEach((target, i) => {
        if (target === code) {
          issues.push({
            code: "cycle",
            path: [...at, "deprecated", "replacedBy", i],
            message: `node ${quote(code)} is replaced by itself; name another node`,
          });
        } else if (!entries.has(target)) {
          issues.push({
            code: "unknown_replacement",
            path: [...at, "deprecated", "replacedBy", i],
            message: `replacement ${quote(target)} of ${quote(code)} is not a code in this taxonomy; name an existing node`,
          });
        }
      });
    }
  }
  // Sibling names (labels and aliases) are unique after normalisation (T2), so label paths are unique.
  const siblingGroups: Array<{ codes: ReadonlyArray<string> }> = [
    { codes: roots },
    ...order.map((code) => ({ codes: entries.get(code)!.children })),
  ];
  for (const { codes } of siblingGroups) {
    const owner = new Map<string, string>();
    for (const code of codes) {
      const { def: node, at } = entries.get(code)!;
      const own = new Set<string>();
      const keys = nameKeys.get(code)!;
      for (const [k, key] of keys.entries()) {
        if (own.has(key)) continue;
        own.add(key);
        const other = owner.get(key);
        if (other !== undefined) {
          const text = k === 0 ? node.label : node.aliases![k - 1]!;
          issues.push({
            code: "duplicate_label",
            path: k === 0 ? [...at, "label"] : [...at, "aliases", k - 1],
            message: `${quote(text)} collides with sibling ${quote(other)} (${entries.get(other)!.def.label}) after normalisation (case, spaces); sibling labels and aliases must be distinct`,
          });
        } else owner.set(key, code);
      }
    }
  }

  // 5. Replacement chains end somewhere (no replacedBy cycles through deprecated nodes).
  const replacements = new Map<string, string[]>();
  const resolveReplacements = (code: string, stack: string[]): string[] | "cycle" => {
    const done = replacements.get(code);
    if (done !== undefined) return done;
    const entry = entries.get(code);
    if (entry === undefined) return [];
    const deprecated = entry.def.deprecated;
    if (deprecated === undefined) return [code];
    if (stack.includes(code)) return "cycle";
    const out: string[] = [];
    for (const target of deprecated.replacedBy ?? []) {
      if (target === code) continue;
      const next = resolveReplacements(target, [...stack, code]);
      if (next === "cycle") return "cycle";
      for (const c of next) if (!out.includes(c)) out.push(c);
    }
    replacements.set(code, out);
    return out;
  };
  for (const code of order) {
    const entry = entries.get(code)!;
    if (entry.def.deprecated === undefined) continue;
    if (resolveReplacements(code, []) === "cycle") {
      issues.push({
        code: "cycle",
        path: [...entry.at, "deprecated", "replacedBy"],
        message: `replacedBy links from ${quote(code)} run into a cycle of deprecated nodes; point the chain at an active node`,
      });
    }
  }

  // 6. Closure codes and rules.
  const closureCodes: TaxonomyClosureCode[] = [];
  const closureByCode = new Map<string, TaxonomyClosureCode>();
  (def.closureCodes ?? []).forEach((cc, i) => {
    if (closureByCode.has(cc.code)) {
      issues.push({
        code: "duplicate_code",
        path: ["closureCodes", i, "code"],
        message: `closure code ${quote(cc.code)} is listed twice; closure codes must be unique`,
      });
      return;
    }
    const compiled: TaxonomyClosureCode = Object.freeze({
      code: cc.code,
      label: cc.label,
      ...(cc.description !== undefined ? { description: cc.description } : {}),
      requires: Object.freeze([...(cc.requires ?? [])]),
    });
    closureByCode.set(cc.code, compiled);
    closureCodes.push(compiled);
  });
  (def.rules ?? []).forEach((rule, i) => {
    (rule.when.codes ?? []).forEach((code, j) => {
      if (!entries.has(code)) {
        issues.push({
          code: "unknown_code",
          path: ["rules", i, "when", "codes", j],
          message: `rule condition names ${quote(code)}, which is not a node code in this taxonomy`,
        });
      }
    });
    (rule.when.closureCodes ?? []).forEach((code, j) => {
      if (!closureByCode.has(code)) {
        issues.push({
          code: "unknown_closure_code",
          path: ["rules", i, "when", "closureCodes", j],
          message: `rule condition names closure code ${quote(code)}, which is not in closureCodes`,
        });
      }
    });
  });

  // 7. Option limits (T7): counted over leaves.
  if (def.optionLimit !== undefined) {
    const limit =
      def.optionLimit === "zendesk"
        ? { max: 2000, includeDeprecated: false }
        : def.optionLimit === "salesforce"
          ? { max: 1000, includeDeprecated: true }
          : { max: def.optionLimit.max, includeDeprecated: def.optionLimit.includeDeprecated ?? false };
    const count = order.filter((code) => {
      const e = entries.get(code)!;
      return e.children.length === 0 && (limit.includeDeprecated || e.def.deprecated === undefined);
    }).length;
    if (count > limit.max) {
      issues.push({
        code: "too_many_options",
        path: ["optionLimit"],
        message: `the taxonomy has ${count} ${limit.includeDeprecated ? "" : "active "}leaf values, over the limit of ${limit.max}; merge or retire some`,
      });
    }
  }
  if (issues.length > 0) return { issues };

  // 8. Build frozen nodes, depth-first in definition order.
  const byCode = new Map<string, TaxonomyNode>();
  const nodes: TaxonomyNode[] = [];
  const build = (code: string, parentNode: TaxonomyNode | null): void => {
    const { def: node, children } = entries.get(code)!;
    const activeChildren = children.filter((c) => entries.get(c)!.def.deprecated === undefined);
    const depth = parentNode === null ? 1 : parentNode.depth + 1;
    const allowInternal =
      node.allowInternal ?? (def.allowInternal === true || (def.minDepth !== undefined && depth >= def.minDepth));
    const requires = [...(parentNode?.requires ?? [])];
    for (const field of node.requires ?? []) if (!requires.includes(field)) requires.push(field);
    const compiled: TaxonomyNode = Object.freeze({
      code,
      label: node.label,
      aliases: Object.freeze([...(node.aliases ?? [])]),
      ...(node.description !== undefined ? { description: node.description } : {}),
      parent: parentNode?.code ?? null,
      depth,
      path: Object.freeze([...(parentNode?.path ?? []), code]),
      labelPath: parentNode === null ? node.label : `${parentNode.labelPath}${separator}${node.label}`,
      children: Object.freeze([...children]),
      other: node.other === true,
      allowInternal,
      requires: Object.freeze(requires),
      deprecated:
        node.deprecated === undefined
          ? null
          : Object.freeze({
              replacedBy: Object.freeze([...(node.deprecated.replacedBy ?? [])]),
              ...(node.deprecated.reason !== undefined ? { reason: node.deprecated.reason } : {}),
              ...(node.deprecated.since !== undefined ? { since: node.deprecated.since } : {}),
            }),
      replacements: Object.freeze(node.deprecated === undefined ? [] : [...(replacements.get(code) ?? [])]),
      isLeaf: children.length === 0,
      selectable: node.deprecated === undefined && (activeChildren.length === 0 || allowInternal),
    });
    byCode.set(code, compiled);
    nodes.push(compiled);
    for (const child of children) build(child, compiled);
  };
  for (const root of roots) build(root, null);

  return {
    compiled: {
      nodes: Object.freeze(nodes),
      byCode,
      roots: Object.freeze(roots),
      closureCodes: Object.freeze(closureCodes),
      closureByCode,
      separator,
      maxDepth,
      minDepth: def.minDepth,
      definition: normalisedDefinition(def, roots, byCode, entries),
      nameKeys,
    },
  };
}

function normalisedDefinition(
  def: TaxonomyDefinition,
  roots: ReadonlyArray<string>,
  byCode: ReadonlyMap<string, TaxonomyNode>,
  entries: ReadonlyMap<string, Entry>,
): TaxonomyDefinition {
  const toDef = (code: string): TaxonomyNodeDefinition => {
    const { def: node } = entries.get(code)!;
    const children = byCode.get(code)!.children;
    const { parent: _parent, children: _children, ...rest } = node;
    return children.length === 0 ? { ...rest } : { ...rest, children: children.map(toDef) };
  };
  // The schema's output is already a fresh copy of the input, so freezing it never touches the caller's objects.
  return deepFreeze({ ...def, nodes: roots.map(toDef) });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
