import type { Issue } from "@supportops/core";
import type { Resolved, TaxonomyNode } from "../Taxonomy.js";
import type { Compiled } from "./compile.js";
import { normalizeLabel } from "./normalize.js";

const quote = (s: string): string => JSON.stringify(s);

/** Finds the node a label path names; see `Taxonomy.resolve`. Returns the node or the issues. */
export function resolvePath(compiled: Compiled, input: string): Resolved | Issue {
  const exact = compiled.byCode.get(input);
  if (exact !== undefined) return { code: exact.code, path: exact.path };

  const sep = normalizeLabel(compiled.separator);
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

  let level: ReadonlyArray<TaxonomyNode> = compiled.roots.map((c) => compiled.byCode.get(c)!);
  let found: TaxonomyNode | undefined;
  for (const [i, segment] of segments.entries()) {
    const matches = matchAmong(level, segment);
    if (matches.length !== 1) {
      // A lone name may still be unique across the whole tree ("Refunds" without its parent).
      if (segments.length === 1) {
        const anywhere = matchAmong(compiled.nodes, segment);
        if (anywhere.length === 1) return { code: anywhere[0]!.code, path: anywhere[0]!.path };
        if (anywhere.length > 1) {
          return {
            code: "ambiguous",
            path: [0],
            message: `${quote(input)} names ${anywhere.length} nodes (${anywhere.map((n) => n.labelPath).map(quote).join(", ")}); give the full path`,
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
      const known = level.map((n) => n.label);
      return {
        code: "no_match",
        path: [i],
        message: `no node ${where} is called ${quote(segment)}; ${known.length === 0 ? `${quote(found?.labelPath ?? "")} has no children` : `choose one of ${known.slice(0, 10).map(quote).join(", ")}${known.length > 10 ? ", …" : ""}`}`,
      };
    }
    found = matches[0]!;
    level = found.children.map((c) => compiled.byCode.get(c)!);
  }
  return { code: found!.code, path: found!.path };
}

/** Nodes whose label or alias matches the normalised segment; failing that, whose code does. */
function matchAmong(nodes: ReadonlyArray<TaxonomyNode>, segment: string): TaxonomyNode[] {
  const byName = nodes.filter(
    (n) => normalizeLabel(n.label) === segment || n.aliases.some((a) => normalizeLabel(a) === segment),
  );
  return byName.length > 0 ? byName : nodes.filter((n) => normalizeLabel(n.code) === segment);
}
