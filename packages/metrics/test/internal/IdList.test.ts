// The byte list that keeps the ids of first-contact successes still waiting for merges (docs/kpis.md, "Accumulators").
import { describe, expect, it } from "vitest";
import { IdList, idHash } from "../../src/internal/IdList.js";

// ASCII, empty, non-ASCII, a lone surrogate (no UTF-8 form: kept as code units), a length needing a
// two-byte header, and one longer than a chunk.
const ODD_IDS = ["T-1", "", "ü-2", "日本-3", "\uD800x", "a".repeat(200), "b".repeat(70_000), "\u0000\u0001", "T-4"];

describe("IdList", () => {
  it("gives back every id exactly, in order, across chunk boundaries", () => {
    const ids = [...ODD_IDS, ...Array.from({ length: 20_000 }, (_, i) => `T-${i}`), ...ODD_IDS];
    const list = new IdList(ids);
    expect(list.length).toBe(ids.length);
    expect(list.toArray()).toStrictEqual(ids);
  });

  it("appends another list byte for byte, itself too (each id once more, no endless loop)", () => {
    const a = new IdList(["x", "ü"]);
    const b = new IdList(ODD_IDS);
    a.pushAll(b);
    expect(a.toArray()).toStrictEqual(["x", "ü", ...ODD_IDS]);
    a.pushAll(a);
    expect(a.toArray()).toStrictEqual(["x", "ü", ...ODD_IDS, "x", "ü", ...ODD_IDS]);
    expect(a.length).toBe(2 * (2 + ODD_IDS.length));
    expect(new IdList().toArray()).toStrictEqual([]);
  });

  it("counts the ids in a set as decoding each one and looking it up does (wide ids, long headers, repeats)", () => {
    const ids = [...ODD_IDS, ...Array.from({ length: 20_000 }, (_, i) => `T-${i}`), ...ODD_IDS];
    const list = new IdList(ids);
    const sets = [new Set<string>(), new Set(ODD_IDS), new Set(["T-4", "T-19999", "ü-2", "nowhere", "\uD800x"]), new Set(ids.filter((_, i) => i % 7 === 0))];
    for (const set of sets) {
      const expected = ids.filter((id) => set.has(id)).length;
      expect(list.countIn(set, new Set([...set].map(idHash)))).toBe(expected);
      // A hash set holding more than the ids' hashes only costs decodes, never changes the count.
      expect(list.countIn(set, new Set([...ids, ...set].map(idHash)))).toBe(expected);
    }
    expect(new IdList().countIn(new Set(["x"]), new Set([idHash("x")]))).toBe(0);
  });
});
