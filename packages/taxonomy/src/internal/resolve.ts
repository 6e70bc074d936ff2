import type { Issue } from "@supportops/core";
import type { TaxonomyIssueCode } from "../TaxonomyError.js";
import type { Resolved, TaxonomyNode } from "../Taxonomy.js";
import type { Compiled } from "./compile.js";
import { normalizeLabel } from "./normalize.js";

const quote = (s: string): string => JSON.stringify(s);

/** Normalised names (labels and aliases) and codes of each sibling group, and of the whole tree. */
export interface ResolveIndex {
  readonly names: ReadonlyMap<string | null, ReadonlyMap<string, ReadonlyArray<TaxonomyNode>>>;
  readonly codes: ReadonlyMap<string | null, ReadonlyMap<string, ReadonlyArray<TaxonomyNode>>>;
  readonly anywhere: ReadonlyMap<string, ReadonlyArray<TaxonomyNode>>;
  readonly anywhereByCode: ReadonlyMap<string, ReadonlyArray<TaxonomyNode>>;
  readonly separator: string;
}

/** Builds the lookup tables `resolvePath` uses, once per taxonomy, so a resolve costs one lookup per segment. */
export function indexForResolve(compiled: Compiled): ResolveIndex {
  const names = new Map<string | null, Map<string, TaxonomyNode[]>>();
  const codes = new Map<string | null, Map<string, TaxonomyNode[]>>();
  const anywhere = new Map<string, TaxonomyNode[]>();
  const anywhereByCode = new Map<string, TaxonomyNode[]>();
  // Nodes are added one after another, so a node already listed under a key (its label and an alias
  // with the same key) is the last one; checking only that keeps this linear when thousands of nodes
  // share a name ("Other" under every category).
  const add = (map: Map<string, TaxonomyNode[]>, key: string, node: TaxonomyNode): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [node]);
    else if (list.at(-1) !== node) list.push(node);
  };
  const group = (index: Map<string | null, Map<string, TaxonomyNode[]>>, parent: string | null): Map<string, TaxonomyNode[]> => {
    let map = index.get(parent);
    if (map === undefined) index.set(parent, (map = new Map()));
    return map;
  };
  for (const { node, keys } of compiled.nameKeys) {
    const siblings = group(names, node.parent);
    for (const key of keys) {
      add(siblings, key, node);
      add(anywhere, key, node);
    }
    add(group(codes, node.parent), normalizeLabel(node.code), node);
    add(anywhereByCode, normalizeLabel(node.code), node);
  }
  return { names, codes, anywhere, anywhereByCode, separator: normalizeLabel(compiled.separator) };
}

/** Finds the node a label path names; see `Taxonomy.resolve`. Returns the node or the issues. */
export function resolvePath(compiled: Compiled, index: ResolveIndex, input: string): Resolved | Issue<TaxonomyIssueCode> {
  const exact = compiled.byCode.get(input);
  if (exact !== undefined) return { code: exact.code, path: exact.path };

  const sep = index.separator;
  const segments = normalizeLabel(input)
    .split(sep)
    .map((s) => s.trim());
  const emptyAt = segments.findIndex((s) => s === "");
  if (emptyAt !== -1) {
    return {
      code: "empty_path",
      path: [emptyAt],
      message:
        segments.length === 1
          ? "the path is empty; give labels, aliases or codes joined by the separator"
          : `segment ${emptyAt + 1} of ${quote(input)} is empty; remove the doubled or trailing separator ${quote(compiled.separator)}`,
    };
  }

  let found: TaxonomyNode | undefined;
  for (const [i, segment] of segments.entries()) {
    const parent = found?.code ?? null;
    const matches = index.names.get(parent)?.get(segment) ?? index.codes.get(parent)?.get(segment) ?? [];
    const [match, ...more] = matches;
    if (match === undefined || more.length > 0) {
      // A lone name may still be unique across the whole tree ("Refunds" without its parent).
      if (segments.length === 1) {
        const anywhere = index.anywhere.get(segment) ?? index.anywhereByCode.get(segment) ?? [];
        const [only, ...others] = anywhere;
        if (only !== undefined && others.length === 0) return { code: only.code, path: only.path };
        if (anywhere.length > 1) {
          return {
            code: "ambiguous",
            path: [0],
            message: `${quote(input)} names ${anywhere.length} nodes (${anywhere.slice(0, 10).map((n) => quote(n.labelPath)).join(", ")}${anywhere.length > 10 ? ", …" : ""}); give the full path`,
          };
        }
      }
      if (matches.length > 1) {
        return {
          code: "ambiguous",
          path: [i],
          message: `segment ${quote(segment)} matches ${matches.map((n) => quote(n.code)).join(" and ")}; use a code`,
        };
      }
      const where = found === undefined ? "at the top level" : `under ${quote(found.labelPath)}`;
      const known = (compiled.children.get(found?.code ?? null) ?? []).map((c) => c.label);
      return {
        code: "no_match",
        path: [i],
        message: `no node ${where} is called ${quote(segment)}; ${known.length === 0 ? `${quote(found?.labelPath ?? "")} has no children` : `choose one of ${known.slice(0, 10).map(quote).join(", ")}${known.length > 10 ? ", …" : ""}`}`,
      };
    }
    found = match;
  }
  // `split` gives at least one segment, so a node was found; no segment at all would be an empty path.
  if (found === undefined) return { code: "empty_path", path: [0], message: "the path is empty; give labels, aliases or codes joined by the separator" };
  return { code: found.code, path: found.path };
}
