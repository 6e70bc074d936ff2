import type { Issue, IssuePath } from "@supportops/core";
import { MAX_TAXONOMY_DEPTH } from "../TaxonomyDefinition.js";
import type { Deprecation, TaxonomyDefinition, TaxonomyNodeDefinition } from "../TaxonomyDefinition.js";
import type { TaxonomyIssueCode } from "../TaxonomyError.js";
import type { TaxonomyChange } from "../TaxonomyChange.js";

const quote = (s: string): string => JSON.stringify(s);

/** A node of the next version while changes are applied. */
interface Draft {
  readonly code: string;
  node: Omit<TaxonomyNodeDefinition, "children" | "parent">;
  /** The parent's code; `null` at the top level. */
  parent: string | null;
  /** Position among its siblings: definition order, and a move puts a node last. */
  seq: number;
  /** The index of the change that last added or moved the node; `null` for a node of the current version. */
  placedBy: number | null;
}

/**
 * The next version of a taxonomy while lifecycle changes are applied to it (see `reviseTaxonomy`).
 * Each change costs time proportional to its own size, not to the size of the taxonomy: nodes are
 * found by code, children are counted rather than searched, and a move walks up at most
 * `MAX_TAXONOMY_DEPTH` ancestors.
 */
export class Revision {
  readonly issues: Issue<TaxonomyIssueCode>[] = [];
  private readonly drafts = new Map<string, Draft>();
  private readonly childCount = new Map<string, number>();
  private nextSeq = 0;

  constructor(
    private readonly current: TaxonomyDefinition,
    private readonly version: string,
  ) {
    // Depth-first in definition order, with a stack: the current version nests at most MAX_TAXONOMY_DEPTH levels.
    const pending: Array<{ node: TaxonomyNodeDefinition; parent: string | null }> = current.nodes.map((node) => ({ node, parent: null })).reverse();
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      this.place(next.node, next.parent, null);
      const children = next.node.children ?? [];
      for (const child of [...children].reverse()) pending.push({ node: child, parent: next.node.code });
    }
  }

  /** Applies change `i`; a change that does not fit adds issues and changes nothing. */
  apply(change: TaxonomyChange, i: number): void {
    switch (change.op) {
      case "rename":
        return this.rename(i, change.code, change.label, change.keepOldLabel !== false);
      case "move":
        return this.move(i, change.code, change.parent);
      case "add":
        return this.add(i, change.parent, change.node);
      case "merge":
        if (this.find([i, "into"], change.into) === undefined) return;
        change.from.forEach((code, j) => {
          const draft = this.find([i, "from", j], code);
          if (draft !== undefined) this.deprecate(draft, { replacedBy: [change.into] });
        });
        return;
      case "split": {
        const draft = this.find([i, "code"], change.code);
        if (draft === undefined || change.into.some((code, j) => this.find([i, "into", j], code) === undefined)) return;
        return this.deprecate(draft, { replacedBy: [...change.into] });
      }
      case "deprecate": {
        const draft = this.find([i, "code"], change.code);
        if (draft !== undefined) this.deprecate(draft, { reason: change.reason });
        return;
      }
      case "delete":
        return this.delete(i, change.code);
      default:
        change satisfies never;
    }
  }

  /** The next version's definition (nested form, a fresh writable copy); call it once `checkLevels` found no issue. */
  build(): TaxonomyDefinition {
    const ordered = [...this.drafts.values()].sort((a, b) => a.seq - b.seq);
    const childrenOf = new Map<string | null, Draft[]>();
    for (const draft of ordered) {
      const siblings = childrenOf.get(draft.parent);
      if (siblings === undefined) childrenOf.set(draft.parent, [draft]);
      else siblings.push(draft);
    }
    // Recursion is safe here: checkLevels has bounded the depth by MAX_TAXONOMY_DEPTH.
    const toDef = (draft: Draft): TaxonomyNodeDefinition => {
      const children = (childrenOf.get(draft.code) ?? []).map(toDef);
      return { ...draft.node, ...(children.length > 0 ? { children } : {}) };
    };
    const { nodes: _nodes, ...settings } = this.current;
    // A fresh, writable copy: parts of it come from the frozen current definition.
    return structuredClone({ ...settings, version: this.version, nodes: (childrenOf.get(null) ?? []).map(toDef) });
  }

  /**
   * Adds a `too_deep` issue for the first node (in sibling order) the changes put below level
   * `MAX_TAXONOMY_DEPTH`, at the last change that placed it or one of its ancestors. Levels are
   * measured once per node, from the top down.
   */
  checkLevels(): void {
    const levels = new Map<Draft, number>();
    const levelOf = (draft: Draft): number => {
      const pending: Draft[] = [];
      let base = 0;
      for (let cursor: Draft | undefined = draft; cursor !== undefined; cursor = cursor.parent === null ? undefined : this.drafts.get(cursor.parent)) {
        const known = levels.get(cursor);
        if (known !== undefined) {
          base = known;
          break;
        }
        pending.push(cursor);
      }
      for (const unmeasured of pending.reverse()) levels.set(unmeasured, ++base);
      return base;
    };
    for (const draft of [...this.drafts.values()].sort((a, b) => a.seq - b.seq)) {
      const level = levelOf(draft);
      if (level <= MAX_TAXONOMY_DEPTH) continue;
      let culprit: number | null = null;
      for (let cursor: Draft | undefined = draft; cursor !== undefined; cursor = cursor.parent === null ? undefined : this.drafts.get(cursor.parent)) {
        if (cursor.placedBy !== null && (culprit === null || cursor.placedBy > culprit)) culprit = cursor.placedBy;
      }
      this.issues.push({
        code: "too_deep",
        path: culprit === null ? [] : [culprit],
        message: `the changes put ${quote(draft.code)} at level ${level}; no taxonomy is deeper than ${MAX_TAXONOMY_DEPTH} levels, so place it (or an ancestor) higher`,
      });
      return;
    }
  }

  /** Records a node (not its children) under `parent`, last among its siblings. */
  private place(node: TaxonomyNodeDefinition, parent: string | null, placedBy: number | null): void {
    const { children: _children, parent: _parent, ...rest } = node;
    this.drafts.set(node.code, { code: node.code, node: rest, parent, seq: this.nextSeq++, placedBy });
    if (parent !== null) this.childCount.set(parent, (this.childCount.get(parent) ?? 0) + 1);
  }

  /** The draft of `code`, or an `unknown_code` issue at `at`. */
  private find(at: IssuePath, code: string): Draft | undefined {
    const draft = this.drafts.get(code);
    if (draft === undefined) this.issues.push({ code: "unknown_code", path: at, message: `${quote(code)} is not a code in the taxonomy at this point` });
    return draft;
  }

  /**
   * The level of a node placed under `parent` (1 under `null`), or `undefined` after an issue: the
   * parent is unknown, lies inside `moving`'s own subtree, or sits at the deepest level already. The
   * walk up stops after `MAX_TAXONOMY_DEPTH` ancestors.
   */
  private levelUnder(at: IssuePath, parent: string | null, moving: string | null): number | undefined {
    if (parent === null) return 1;
    if (this.find(at, parent) === undefined) return undefined;
    let level = 1;
    for (let c: string | null = parent; c !== null; c = this.drafts.get(c)?.parent ?? null) {
      if (c === moving) {
        this.issues.push({ code: "cycle", path: at, message: `cannot move ${quote(c)} under its own subtree (${quote(parent)})` });
        return undefined;
      }
      if (++level > MAX_TAXONOMY_DEPTH) {
        this.issues.push({
          code: "too_deep",
          path: at,
          message: `${quote(parent)} is at level ${MAX_TAXONOMY_DEPTH} or deeper; a node under it would be deeper than any taxonomy can be (${MAX_TAXONOMY_DEPTH} levels)`,
        });
        return undefined;
      }
    }
    return level;
  }

  private rename(i: number, code: string, label: string, keepOldLabel: boolean): void {
    const draft = this.find([i, "code"], code);
    if (draft === undefined) return;
    const old = draft.node.label;
    const aliases = [...(draft.node.aliases ?? [])].filter((a) => a !== label);
    if (keepOldLabel && old !== label && !aliases.includes(old)) aliases.push(old);
    const { aliases: _aliases, ...rest } = draft.node;
    draft.node = { ...rest, label, ...(aliases.length > 0 ? { aliases } : {}) };
  }

  private move(i: number, code: string, parent: string | null): void {
    const draft = this.find([i, "code"], code);
    if (draft === undefined || this.levelUnder([i, "parent"], parent, code) === undefined) return;
    if (draft.parent !== null) this.childCount.set(draft.parent, (this.childCount.get(draft.parent) ?? 1) - 1);
    if (parent !== null) this.childCount.set(parent, (this.childCount.get(parent) ?? 0) + 1);
    draft.parent = parent;
    // Last among its new siblings, as a person moving it would expect.
    draft.seq = this.nextSeq++;
    draft.placedBy = i;
  }

  private add(i: number, parent: string | null, node: TaxonomyNodeDefinition): void {
    if (this.levelUnder([i, "parent"], parent, null) === undefined) return;
    // Depth-first with a stack, in definition order; the node was checked to nest at most MAX_TAXONOMY_DEPTH levels.
    const added: Array<{ node: TaxonomyNodeDefinition; parent: string | null }> = [];
    const pending = [{ node, parent }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      added.push(next);
      const children = next.node.children ?? [];
      for (const child of [...children].reverse()) pending.push({ node: child, parent: next.node.code });
    }
    const codes = new Set<string>();
    for (const { node: { code } } of added) {
      if (this.drafts.has(code) || codes.has(code)) {
        this.issues.push({ code: "duplicate_code", path: [i, "node"], message: `code ${quote(code)} already exists; codes are never reused` });
        return;
      }
      codes.add(code);
    }
    for (const entry of added) this.place(entry.node, entry.parent, i);
  }

  private deprecate(draft: Draft, deprecated: Deprecation): void {
    draft.node = { ...draft.node, deprecated: { ...deprecated, since: this.version } };
  }

  private delete(i: number, code: string): void {
    const draft = this.find([i, "code"], code);
    if (draft === undefined) return;
    const hasChildren = (this.childCount.get(code) ?? 0) > 0;
    if (draft.node.deprecated === undefined || hasChildren) {
      this.issues.push({
        code: "not_deletable",
        path: [i, "code"],
        message: `${quote(code)} ${hasChildren ? "has children" : "is active"}; deprecate it (and empty it) first, and delete it only once no ticket or rule refers to it`,
      });
      return;
    }
    this.drafts.delete(code);
    if (draft.parent !== null) this.childCount.set(draft.parent, (this.childCount.get(draft.parent) ?? 1) - 1);
  }
}
