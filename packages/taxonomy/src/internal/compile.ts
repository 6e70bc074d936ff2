import { deepFreeze, formatPath } from "@supportops/core";
import type { Issue, IssuePath } from "@supportops/core";
import type { TaxonomyClosureCode, TaxonomyNode } from "../Taxonomy.js";
import type { ClosureCodeDefinition, Deprecation, OptionLimit, StatusRule, TaxonomyDefinition, TaxonomyNodeDefinition } from "../TaxonomyDefinition.js";
import type { TaxonomyIssueCode } from "../TaxonomyError.js";
import { clashesWithSeparator, normalizeLabel } from "./normalize.js";

/** Defaults applied when a definition leaves a setting out. */
const DEFAULT_MAX_DEPTH = 3;
const DEFAULT_SEPARATOR = "::";
const DEFAULT_MAX_LABEL_LENGTH = 255;

/**
 * Limits on the lists `createTaxonomy` computes per node, which would otherwise grow with the square
 * of the definition: a node's required fields include its ancestors' (20 000 children of a node that
 * requires 20 000 fields would hold 400 million), and a deprecated node's replacements follow chains
 * (a chain of splits gives the k-th node k replacements).
 */
const MAX_REQUIRED_FIELDS = 100;
const MAX_REPLACEMENTS = 100;

/** What `createTaxonomy` builds from a definition that passed the schema. */
export interface Compiled {
  readonly nodes: ReadonlyArray<TaxonomyNode>;
  readonly byCode: ReadonlyMap<string, TaxonomyNode>;
  /** The child nodes of every node (by code; `null` for the top level), in definition order, frozen. */
  readonly children: ReadonlyMap<string | null, ReadonlyArray<TaxonomyNode>>;
  readonly closureCodes: ReadonlyArray<TaxonomyClosureCode>;
  readonly closureByCode: ReadonlyMap<string, TaxonomyClosureCode>;
  readonly separator: string;
  readonly maxDepth: number;
  readonly minDepth: number | undefined;
  readonly definition: TaxonomyDefinition;
  /** Each node with the normalised keys of its label and aliases (label first), computed once for checks and lookups. */
  readonly nameKeys: ReadonlyArray<{ readonly node: TaxonomyNode; readonly keys: ReadonlyArray<string> }>;
}

type Issues = Issue<TaxonomyIssueCode>[];

/** A label or alias of a node, with its normalised key (T2); `alias` is its index in `aliases`, `null` for the label. */
interface Name {
  readonly text: string;
  readonly key: string;
  readonly alias: number | null;
}

/** One node of the definition while it is checked: where it was written, and its links once resolved. */
interface Entry {
  readonly code: string;
  readonly def: TaxonomyNodeDefinition;
  readonly at: IssuePath;
  /** The parent's code as written (the enclosing node, or `parent`), before it is checked. */
  readonly parentCode: string | null;
  /** The parent once linked; `null` for a root, after an unknown parent, or to break a cycle. */
  parent: Entry | null;
  /** Children in definition order. */
  readonly children: Entry[];
  /** Label first, then aliases. */
  readonly names: ReadonlyArray<Name>;
}

/** Every node once (first definition of each code), in definition order, and by code. */
interface Tree {
  readonly order: ReadonlyArray<Entry>;
  readonly byCode: ReadonlyMap<string, Entry>;
}

/** The settings the checks need, defaults applied. */
interface Settings {
  readonly separator: string;
  readonly separatorKey: string;
  readonly maxDepth: number;
  readonly maxLabelLength: number;
}

const quote = (s: string): string => JSON.stringify(s);

/**
 * Runs the structural rules (T1–T7, T9) over a schema-valid definition; returns every issue, or the
 * compiled tree. The steps run in a fixed order, which is the order of the issues.
 */
export function compile(def: TaxonomyDefinition): { issues: Issues } | { compiled: Compiled } {
  const issues: Issues = [];
  const settings = settingsOf(def);
  checkDepthLimits(def, settings, issues);
  const tree = flattenNodes(def.nodes, issues);
  linkParents(tree, issues);
  const inCycle = breakParentCycles(tree, issues);
  const roots = tree.order.filter((entry) => entry.parent === null && !inCycle.has(entry));
  checkNodes(tree, settings, issues);
  checkRequiredFields(roots, issues);
  checkSiblingNames(roots, tree, issues);
  const replacements = resolveReplacementChains(tree, issues);
  const closures = compileClosureCodes(def.closureCodes ?? [], issues);
  checkRules(def.rules ?? [], tree, closures.byCode, issues);
  if (def.optionLimit !== undefined) checkOptionLimit(def.optionLimit, tree, issues);
  if (issues.length > 0) return { issues };

  const built = buildNodes(roots, replacements, def, settings.separator);
  return {
    compiled: {
      nodes: Object.freeze(built.nodes),
      byCode: built.byCode,
      children: built.children,
      closureCodes: Object.freeze(closures.list),
      closureByCode: closures.byCode,
      separator: settings.separator,
      maxDepth: settings.maxDepth,
      minDepth: def.minDepth,
      definition: normalisedDefinition(def, roots),
      nameKeys: built.nameKeys,
    },
  };
}

function settingsOf(def: TaxonomyDefinition): Settings {
  const separator = def.separator ?? DEFAULT_SEPARATOR;
  return {
    separator,
    separatorKey: normalizeLabel(separator),
    maxDepth: def.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxLabelLength: def.maxLabelLength ?? DEFAULT_MAX_LABEL_LENGTH,
  };
}

/** minDepth ≤ maxDepth (T3, T4). */
function checkDepthLimits(def: TaxonomyDefinition, settings: Settings, issues: Issues): void {
  if (def.minDepth !== undefined && def.minDepth > settings.maxDepth) {
    issues.push({
      code: "invalid_limits",
      path: ["minDepth"],
      message: `minDepth ${def.minDepth} is deeper than maxDepth ${settings.maxDepth}; choose minDepth ≤ maxDepth`,
    });
  }
}

/** Flattens nested and flat nodes; codes are unique across the taxonomy (T1). */
function flattenNodes(nodes: ReadonlyArray<TaxonomyNodeDefinition>, issues: Issues): Tree {
  const byCode = new Map<string, Entry>();
  const order: Entry[] = [];
  // Recursion is bounded: createTaxonomy refused nesting below MAX_TAXONOMY_DEPTH before compiling.
  const visit = (node: TaxonomyNodeDefinition, at: IssuePath, enclosing: string | null): void => {
    const seen = byCode.get(node.code);
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
      const entry: Entry = { code: node.code, def: node, at, parentCode: enclosing ?? node.parent ?? null, parent: null, children: [], names: namesOf(node) };
      byCode.set(node.code, entry);
      order.push(entry);
    }
    // Children of a duplicate are still visited (and checked) under the code they were written in.
    (node.children ?? []).forEach((child, i) => visit(child, [...at, "children", i], node.code));
  };
  nodes.forEach((node, i) => visit(node, ["nodes", i], null));
  return { order, byCode };
}

function namesOf(node: TaxonomyNodeDefinition): Name[] {
  const label: Name = { text: node.label, key: normalizeLabel(node.label), alias: null };
  return [label, ...(node.aliases ?? []).map((text, i): Name => ({ text, key: normalizeLabel(text), alias: i }))];
}

function namePath(entry: Entry, name: Name): IssuePath {
  return name.alias === null ? [...entry.at, "label"] : [...entry.at, "aliases", name.alias];
}

/** Parents exist; children are linked in definition order. */
function linkParents(tree: Tree, issues: Issues): void {
  for (const entry of tree.order) {
    if (entry.parentCode === null) continue;
    const parent = tree.byCode.get(entry.parentCode);
    if (parent === undefined) {
      issues.push({
        code: "unknown_parent",
        path: [...entry.at, "parent"],
        message: `parent ${quote(entry.parentCode)} is not a code in this taxonomy; name an existing node or omit parent for a top-level node`,
      });
    } else {
      entry.parent = parent;
      parent.children.push(entry);
    }
  }
}

/**
 * No cycles through parent links (only flat nodes can form one). Each cycle is reported once and broken
 * at the node the walk met first, so the remaining checks can run; returns the nodes on cycles. Each
 * node is walked once: a walk stops at a node an earlier walk finished, so a long chain costs linear time.
 */
function breakParentCycles(tree: Tree, issues: Issues): ReadonlySet<Entry> {
  const inCycle = new Set<Entry>();
  const walked = new Map<Entry, "walking" | "done">();
  for (const start of tree.order) {
    const trail: Entry[] = [];
    let cursor: Entry | null = start;
    while (cursor !== null && !walked.has(cursor)) {
      walked.set(cursor, "walking");
      trail.push(cursor);
      cursor = cursor.parent;
    }
    if (cursor !== null && walked.get(cursor) === "walking") {
      // The walk came back to `cursor`: the cycle is the trail from it on.
      const cycle = trail.slice(trail.indexOf(cursor));
      for (const entry of cycle) inCycle.add(entry);
      const parent = cursor.parent;
      if (parent !== null) parent.children.splice(parent.children.indexOf(cursor), 1);
      cursor.parent = null;
      issues.push({
        code: "cycle",
        path: [...cursor.at, "parent"],
        message: `parent links form a cycle (${[...cycle, cursor].map((entry) => quote(entry.code)).join(" → ")}); a node cannot be its own ancestor`,
      });
    }
    for (const entry of trail) walked.set(entry, "done");
  }
  return inCycle;
}

/**
 * Each node with its level (1-based), in definition order. Memoised, so each node is walked once; the
 * parent links are acyclic by now.
 */
function measureDepths(tree: Tree): Array<readonly [Entry, number]> {
  const depths = new Map<Entry, number>();
  const out: Array<readonly [Entry, number]> = [];
  for (const entry of tree.order) {
    const pending: Entry[] = [];
    let cursor: Entry | null = entry;
    let base = 0;
    while (cursor !== null) {
      const known = depths.get(cursor);
      if (known !== undefined) {
        base = known;
        break;
      }
      pending.push(cursor);
      cursor = cursor.parent;
    }
    // Top-down, so `base` ends as the depth of `entry` itself (the last one set, or the one found known).
    for (const unmeasured of pending.reverse()) depths.set(unmeasured, ++base);
    out.push([entry, base]);
  }
  return out;
}

/** Per node: depth (T3), labels and aliases (T7), deprecations (T6). */
function checkNodes(tree: Tree, settings: Settings, issues: Issues): void {
  for (const [entry, depth] of measureDepths(tree)) {
    if (depth > settings.maxDepth) {
      issues.push({
        code: "too_deep",
        path: entry.at,
        message: `node ${quote(entry.code)} is at level ${depth}, deeper than maxDepth ${settings.maxDepth}; move it up or raise maxDepth`,
      });
    }
    checkNames(entry, settings, issues);
    if (entry.def.deprecated !== undefined) checkDeprecation(entry, entry.def.deprecated, tree, issues);
  }
}

/** Labels and aliases contain no separator and fit the length limit (T7). */
function checkNames(entry: Entry, settings: Settings, issues: Issues): void {
  // Issue paths are built only when there is an issue: this runs for every name of every node.
  for (const name of entry.names) {
    if (clashesWithSeparator(name.text, name.key, settings.separator, settings.separatorKey)) {
      issues.push({
        code: "separator_in_label",
        path: namePath(entry, name),
        message: `${quote(name.text)} contains the path separator ${quote(settings.separator)} or starts or ends with one of its characters; remove it or choose another separator`,
      });
    }
    if (name.text.length > settings.maxLabelLength) {
      const shown = name.text.length > 40 ? `${name.text.slice(0, 40)}…` : name.text;
      issues.push({
        code: "label_too_long",
        path: namePath(entry, name),
        message: `${quote(shown)} is ${name.text.length} characters long; labels and aliases are at most ${settings.maxLabelLength}`,
      });
    }
  }
}

/** A deprecated node names replacements that exist, or a reason (T6). */
function checkDeprecation(entry: Entry, deprecation: Deprecation, tree: Tree, issues: Issues): void {
  const at = [...entry.at, "deprecated"];
  const replacedBy = deprecation.replacedBy ?? [];
  if (replacedBy.length === 0 && deprecation.reason === undefined) {
    issues.push({
      code: "missing_replacement",
      path: at,
      message: `deprecated node ${quote(entry.code)} names neither replacedBy nor a reason; give the codes that replace it or say why there is none`,
    });
  }
  replacedBy.forEach((target, i) => {
    if (target === entry.code) {
      issues.push({ code: "cycle", path: [...at, "replacedBy", i], message: `node ${quote(entry.code)} is replaced by itself; name another node` });
    } else if (!tree.byCode.has(target)) {
      issues.push({
        code: "unknown_replacement",
        path: [...at, "replacedBy", i],
        message: `replacement ${quote(target)} of ${quote(entry.code)} is not a code in this taxonomy; name an existing node`,
      });
    }
  });
}

/**
 * A node requires at most {@link MAX_REQUIRED_FIELDS} distinct fields, its ancestors' included (T5).
 * Walked top-down with a stack; below a node over the limit nothing more is reported.
 */
function checkRequiredFields(roots: ReadonlyArray<Entry>, issues: Issues): void {
  const NONE: ReadonlySet<string> = new Set();
  const pending = roots.map((entry) => ({ entry, inherited: NONE })).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { entry, inherited } = next;
    const own = entry.def.requires ?? [];
    let fields = inherited;
    if (own.length > 0) {
      const union = new Set(inherited);
      for (const field of own) {
        union.add(field);
        if (union.size > MAX_REQUIRED_FIELDS) break;
      }
      fields = union;
    }
    if (fields.size > MAX_REQUIRED_FIELDS) {
      issues.push({
        code: "too_many_fields",
        path: [...entry.at, "requires"],
        message: `node ${quote(entry.code)} requires more than ${MAX_REQUIRED_FIELDS} fields, its ancestors' included; keep the fields a category makes required to a few`,
      });
      continue;
    }
    for (const child of [...entry.children].reverse()) pending.push({ entry: child, inherited: fields });
  }
}

/** Sibling names (labels and aliases) are unique after normalisation (T2), so label paths are unique. */
function checkSiblingNames(roots: ReadonlyArray<Entry>, tree: Tree, issues: Issues): void {
  for (const siblings of [roots, ...tree.order.map((entry) => entry.children)]) {
    const owner = new Map<string, Entry>();
    for (const entry of siblings) {
      const own = new Set<string>();
      for (const name of entry.names) {
        if (own.has(name.key)) continue;
        own.add(name.key);
        const other = owner.get(name.key);
        if (other === undefined) {
          owner.set(name.key, entry);
          continue;
        }
        issues.push({
          code: "duplicate_label",
          path: namePath(entry, name),
          message: `${quote(name.text)} collides with sibling ${quote(other.code)} (${other.def.label}) after normalisation (case, spaces, invisible characters); sibling labels and aliases must be distinct`,
        });
      }
    }
  }
}

/**
 * Follows replacedBy links through deprecated nodes to active ones; a chain that runs into a cycle of
 * deprecated nodes is an issue. Returns, for each deprecated node, the active codes it ends at, in the
 * order a depth-first walk of its replacedBy lists meets them.
 *
 * The walk keeps its own stack rather than recursing: a definition may chain thousands of deprecated
 * nodes one after another (flat nodes nest no deeper than one level), and each node is walked once.
 */
function resolveReplacementChains(tree: Tree, issues: Issues): ReadonlyMap<string, ReadonlyArray<string>> {
  // Finished nodes: their active codes, "cycle" when a cycle of deprecated nodes is reachable, or
  // "too_many" when they lead to more than MAX_REPLACEMENTS active codes.
  const finished = new Map<string, Replacements>();
  for (const entry of tree.order) {
    if (entry.def.deprecated === undefined) continue;
    if (!finished.has(entry.code)) walkReplacements(entry, tree, finished);
    const result = finished.get(entry.code);
    if (result === "cycle") {
      issues.push({
        code: "cycle",
        path: [...entry.at, "deprecated", "replacedBy"],
        message: `replacedBy links from ${quote(entry.code)} run into a cycle of deprecated nodes; point the chain at an active node`,
      });
    } else if (result === "too_many") {
      issues.push({
        code: "too_many_replacements",
        path: [...entry.at, "deprecated", "replacedBy"],
        message: `replacedBy links from ${quote(entry.code)} lead to more than ${MAX_REPLACEMENTS} active nodes; a split names a few replacements`,
      });
    }
  }
  const replacements = new Map<string, ReadonlyArray<string>>();
  for (const [code, result] of finished) if (typeof result !== "string") replacements.set(code, result);
  return replacements;
}

/** What following a deprecated node's replacedBy links found. */
type Replacements = ReadonlyArray<string> | "cycle" | "too_many";

/** One deprecated node on the walk's stack: where it is in its replacedBy list, and what it found so far. */
interface ReplacementFrame {
  readonly code: string;
  readonly targets: ReadonlyArray<string>;
  next: number;
  readonly found: Set<string>;
  cyclic: boolean;
  tooMany: boolean;
}

/** Depth-first walk of replacedBy links from `start` (deprecated, not yet finished); records every node it finishes. */
function walkReplacements(start: Entry, tree: Tree, finished: Map<string, Replacements>): void {
  const frameOf = (entry: Entry): ReplacementFrame => ({
    code: entry.code,
    targets: entry.def.deprecated?.replacedBy ?? [],
    next: 0,
    found: new Set(),
    cyclic: false,
    tooMany: false,
  });
  const stack: ReplacementFrame[] = [frameOf(start)];
  const onStack = new Set<string>([start.code]);
  // Past the limit a frame stops collecting, so no node holds (or copies) more than MAX_REPLACEMENTS codes.
  const add = (frame: ReplacementFrame, code: string): void => {
    if (frame.tooMany) return;
    frame.found.add(code);
    if (frame.found.size > MAX_REPLACEMENTS) {
      frame.tooMany = true;
      frame.found.clear();
    }
  };
  const absorb = (frame: ReplacementFrame, result: Replacements): void => {
    if (result === "cycle") frame.cyclic = true;
    else if (result === "too_many") frame.tooMany = true;
    else for (const code of result) add(frame, code);
  };
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    const target = frame.targets[frame.next++];
    if (target === undefined) {
      // Every replacement followed: the node is finished, and its parent on the stack takes its result.
      stack.pop();
      onStack.delete(frame.code);
      const result: Replacements = frame.cyclic ? "cycle" : frame.tooMany ? "too_many" : [...frame.found];
      finished.set(frame.code, result);
      const caller = stack.at(-1);
      if (caller !== undefined) absorb(caller, result);
      continue;
    }
    if (target === frame.code) continue; // reported by checkDeprecation
    const entry = tree.byCode.get(target);
    if (entry === undefined) continue; // unknown_replacement, reported by checkDeprecation
    if (entry.def.deprecated === undefined) add(frame, target);
    else if (onStack.has(target)) frame.cyclic = true;
    else {
      const known = finished.get(target);
      if (known !== undefined) absorb(frame, known);
      else {
        stack.push(frameOf(entry));
        onStack.add(target);
      }
    }
  }
}

/** Closure codes are unique (T9); compiled in definition order. */
function compileClosureCodes(
  definitions: ReadonlyArray<ClosureCodeDefinition>,
  issues: Issues,
): { list: TaxonomyClosureCode[]; byCode: Map<string, TaxonomyClosureCode> } {
  const list: TaxonomyClosureCode[] = [];
  const byCode = new Map<string, TaxonomyClosureCode>();
  definitions.forEach((cc, i) => {
    if (byCode.has(cc.code)) {
      issues.push({ code: "duplicate_code", path: ["closureCodes", i, "code"], message: `closure code ${quote(cc.code)} is listed twice; closure codes must be unique` });
      return;
    }
    const compiled: TaxonomyClosureCode = Object.freeze({
      code: cc.code,
      label: cc.label,
      ...(cc.description !== undefined ? { description: cc.description } : {}),
      requires: Object.freeze([...(cc.requires ?? [])]),
    });
    byCode.set(cc.code, compiled);
    list.push(compiled);
  });
  return { list, byCode };
}

/** Rules name node codes and closure codes that exist (T5, T8, T9). */
function checkRules(rules: ReadonlyArray<StatusRule>, tree: Tree, closureByCode: ReadonlyMap<string, TaxonomyClosureCode>, issues: Issues): void {
  rules.forEach((rule, i) => {
    (rule.when.codes ?? []).forEach((code, j) => {
      if (!tree.byCode.has(code)) {
        issues.push({ code: "unknown_code", path: ["rules", i, "when", "codes", j], message: `rule condition names ${quote(code)}, which is not a node code in this taxonomy` });
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
}

/** Option limits (T7), counted over leaves. */
function checkOptionLimit(optionLimit: OptionLimit, tree: Tree, issues: Issues): void {
  const limit =
    optionLimit === "zendesk"
      ? { max: 2000, includeDeprecated: false }
      : optionLimit === "salesforce"
        ? { max: 1000, includeDeprecated: true }
        : { max: optionLimit.max, includeDeprecated: optionLimit.includeDeprecated ?? false };
  const count = tree.order.filter((entry) => entry.children.length === 0 && (limit.includeDeprecated || entry.def.deprecated === undefined)).length;
  if (count > limit.max) {
    issues.push({
      code: "too_many_options",
      path: ["optionLimit"],
      message: `the taxonomy has ${count} ${limit.includeDeprecated ? "" : "active "}leaf values, over the limit of ${limit.max}; merge or retire some`,
    });
  }
}

const NO_FIELDS: ReadonlyArray<string> = Object.freeze([]);

/** Builds the frozen nodes of a checked tree, depth-first in definition order. */
function buildNodes(
  roots: ReadonlyArray<Entry>,
  replacements: ReadonlyMap<string, ReadonlyArray<string>>,
  def: TaxonomyDefinition,
  separator: string,
): Pick<Compiled, "byCode" | "children" | "nameKeys"> & { nodes: TaxonomyNode[] } {
  const byCode = new Map<string, TaxonomyNode>();
  const children = new Map<string | null, ReadonlyArray<TaxonomyNode>>();
  const nodes: TaxonomyNode[] = [];
  const nameKeys: Array<{ node: TaxonomyNode; keys: ReadonlyArray<string> }> = [];
  // Recursion is bounded: the tree has passed T3, so it is at most maxDepth (≤ 32) levels deep.
  const build = (entry: Entry, parentNode: TaxonomyNode | null): TaxonomyNode => {
    const node = entry.def;
    const depth = parentNode === null ? 1 : parentNode.depth + 1;
    const allowInternal = node.allowInternal ?? (def.allowInternal === true || (def.minDepth !== undefined && depth >= def.minDepth));
    // A node that adds no field shares its parent's frozen list; at most MAX_REQUIRED_FIELDS, checked above.
    const inherited = parentNode?.requires ?? NO_FIELDS;
    const requires = node.requires === undefined || node.requires.length === 0 ? inherited : Object.freeze([...new Set([...inherited, ...node.requires])]);
    const hasActiveChildren = entry.children.some((child) => child.def.deprecated === undefined);
    const compiled: TaxonomyNode = Object.freeze({
      code: entry.code,
      label: node.label,
      aliases: Object.freeze([...(node.aliases ?? [])]),
      ...(node.description !== undefined ? { description: node.description } : {}),
      parent: parentNode?.code ?? null,
      depth,
      path: Object.freeze([...(parentNode?.path ?? []), entry.code]),
      labelPath: parentNode === null ? node.label : `${parentNode.labelPath}${separator}${node.label}`,
      children: Object.freeze(entry.children.map((child) => child.code)),
      other: node.other === true,
      allowInternal,
      requires,
      deprecated:
        node.deprecated === undefined
          ? null
          : Object.freeze({
              replacedBy: Object.freeze([...(node.deprecated.replacedBy ?? [])]),
              ...(node.deprecated.reason !== undefined ? { reason: node.deprecated.reason } : {}),
              ...(node.deprecated.since !== undefined ? { since: node.deprecated.since } : {}),
            }),
      replacements: Object.freeze(node.deprecated === undefined ? [] : [...(replacements.get(entry.code) ?? [])]),
      isLeaf: entry.children.length === 0,
      selectable: node.deprecated === undefined && (!hasActiveChildren || allowInternal),
    });
    byCode.set(entry.code, compiled);
    nodes.push(compiled);
    nameKeys.push({ node: compiled, keys: entry.names.map((name) => name.key) });
    children.set(entry.code, Object.freeze(entry.children.map((child) => build(child, compiled))));
    return compiled;
  };
  children.set(null, Object.freeze(roots.map((root) => build(root, null))));
  return { nodes, byCode, children, nameKeys };
}

/** The definition in nested form without `parent` fields, frozen: what `tax.definition` and `toJSON` give. */
function normalisedDefinition(def: TaxonomyDefinition, roots: ReadonlyArray<Entry>): TaxonomyDefinition {
  // Recursion is bounded as in buildNodes.
  const toDef = (entry: Entry): TaxonomyNodeDefinition => {
    const { parent: _parent, children: _children, ...rest } = entry.def;
    return entry.children.length === 0 ? { ...rest } : { ...rest, children: entry.children.map(toDef) };
  };
  // The schema's output is already a fresh copy of the input, so freezing it never touches the caller's objects.
  return deepFreeze({ ...def, nodes: roots.map(toDef) });
}
