import type { NonEmptyReadonlyArray } from "@supportops/core";
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
  at(labels: NonEmptyReadonlyArray<string>): DraftNode {
    const [first, ...rest] = labels;
    let node = this.child(this.roots, first, labels, 1);
    rest.forEach((label, i) => {
      node = this.child(node.children, label, labels, i + 2);
    });
    return node;
  }

  /** The node called `label` among `level`, created if new; `depth` labels of `labels` lead to it. */
  private child(level: Map<string, DraftNode>, label: string, labels: ReadonlyArray<string>, depth: number): DraftNode {
    const key = normalizeLabel(label);
    let next = level.get(key);
    if (next === undefined) {
      next = { label, code: undefined, extra: {}, children: new Map(), labels: labels.slice(0, depth) };
      level.set(key, next);
    }
    return next;
  }

  /**
   * The nested node definitions; nodes without a code get one derived from their label path. The
   * recursion is bounded: the imports refuse label paths longer than MAX_TAXONOMY_DEPTH before `at`.
   */
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
