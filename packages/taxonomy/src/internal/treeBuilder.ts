import type { TaxonomyNodeDefinition } from "../TaxonomyDefinition.js";
import { normalizeLabel } from "./normalize.js";
import { slugCode } from "./slug.js";

/** A node being assembled from rows of an import (labels known, code possibly derived). */
export interface DraftNode {
  label: string;
  code: string | undefined;
  extra: { -readonly [K in Exclude<keyof TaxonomyNodeDefinition, "code" | "label" | "children">]?: TaxonomyNodeDefinition[K] };
  readonly children: Map<string, DraftNode>;
  readonly labels: ReadonlyArray<string>;
}

/** Builds a tree from label paths: intermediate levels are created on first sight, in input order. */
export class TreeBuilder {
  private readonly roots = new Map<string, DraftNode>();

  /** The node for this label path, created (with its ancestors) if new. */
  at(labels: ReadonlyArray<string>): DraftNode {
    let level = this.roots;
    let node: DraftNode | undefined;
    labels.forEach((label, i) => {
      const key = normalizeLabel(label);
      let next = level.get(key);
      if (next === undefined) {
        next = { label, code: undefined, extra: {}, children: new Map(), labels: labels.slice(0, i + 1) };
        level.set(key, next);
      }
      node = next;
      level = next.children;
    });
    return node!;
  }

  /** The nested node definitions; nodes without a code get one derived from their label path. */
  build(): TaxonomyNodeDefinition[] {
    const toDef = (draft: DraftNode): TaxonomyNodeDefinition => {
      const children = [...draft.children.values()].map(toDef);
      return {
        code: draft.code ?? slugCode(draft.labels),
        label: draft.label,
        ...draft.extra,
        ...(children.length > 0 ? { children } : {}),
      };
    };
    return [...this.roots.values()].map(toDef);
  }
}
