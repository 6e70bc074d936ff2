// DDSketch: the relative-error guarantee against exact nearest-rank quantiles, merge of any split
// equals the sketch of the whole, and the JSON round trip. Definition: docs/kpis.md ("Percentiles by DDSketch").
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { DDSketch, MetricsError } from "@supportops/metrics";

/** The nearest-rank percentile (Hyndman–Fan type 1), written out plainly. */
function exactQuantile(values: ReadonlyArray<number>, percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  let rank = Math.ceil((sorted.length * percent) / 100);
  if (rank < 1) rank = 1;
  return sorted[rank - 1]!;
}

// Durations in ms, heavy-tailed: zeros, milliseconds, and up to a year.
const valueArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 1, max: 31_536_000_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const alphaArb = fc.constantFrom(0.001, 0.005, 0.01, 0.02, 0.05, 0.1);

describe("DDSketch", () => {
  test.prop([fc.array(valueArb, { minLength: 1, maxLength: 400 }), alphaArb, fc.integer({ min: 1, max: 99 })], { numRuns: numRuns(150) })(
    "every quantile is within α × the exact nearest-rank quantile",
    (values, alpha, percent) => {
      // Bins enough for the whole range (1e-300 … 3e10 at α = 0.001): the guarantee holds where nothing collapsed.
      const sketch = new DDSketch({ relativeAccuracy: alpha, maxBins: 1_000_000 });
      for (const v of values) sketch.add(v);
      expect(sketch.collapsed).toBe(false);
      for (const p of [percent, 50, 90, 99]) {
        const exact = exactQuantile(values, p);
        const estimate = sketch.quantile(p / 100)!;
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(alpha * exact * (1 + 1e-9) + 1e-12);
      }
      expect(sketch.quantile(0)).toBe(Math.min(...values));
      expect(sketch.quantile(1)).toBe(Math.max(...values));
      expect(sketch.count).toBe(values.length);
    },
  );

  test.prop(
    [fc.array(fc.integer({ min: 0, max: 31_536_000_000 }), { maxLength: 300 }), fc.array(fc.nat(), { maxLength: 300 }), fc.constantFrom(16, 64, 2048), alphaArb],
    { numRuns: numRuns(150) },
  )("the merge of any split equals the sketch of the whole (also when bins collapse)", (values, cuts, maxBins, alpha) => {
    const whole = new DDSketch({ relativeAccuracy: alpha, maxBins });
    for (const v of values) whole.add(v);
    // Split into consecutive parts at the cut points, sketch each, merge in a shuffled-ish order.
    const points = [...new Set(cuts.map((c) => (values.length === 0 ? 0 : c % (values.length + 1))))].sort((a, b) => a - b);
    const parts: number[][] = [];
    let last = 0;
    for (const p of [...points, values.length]) {
      parts.push(values.slice(last, p));
      last = p;
    }
    const sketches = parts.map((part) => {
      const s = new DDSketch({ relativeAccuracy: alpha, maxBins });
      for (const v of part) s.add(v);
      return s;
    });
    const merged = new DDSketch({ relativeAccuracy: alpha, maxBins });
    for (let i = sketches.length - 1; i >= 0; i--) merged.merge(i % 2 === 0 ? sketches[i]! : DDSketch.fromJSON(JSON.parse(JSON.stringify(sketches[i]))));
    expect(merged.toJSON()).toStrictEqual(whole.toJSON());
    expect(merged.toJSON().counts.length).toBeLessThanOrEqual(maxBins);
  });

  it("keeps at most maxBins bins, collapsing the lowest, and says so", () => {
    const sketch = new DDSketch({ relativeAccuracy: 0.01, maxBins: 16 });
    for (let i = 1; i <= 1_000_000; i *= 2) sketch.add(i);
    expect(sketch.toJSON().counts.length).toBeLessThanOrEqual(16);
    expect(sketch.collapsed).toBe(true);
    // The top quantiles are still within α.
    expect(Math.abs(sketch.quantile(0.99)! - 524_288) / 524_288).toBeLessThanOrEqual(0.01);
  });

  it("survives a JSON round trip and rejects what toJSON never writes", () => {
    const sketch = new DDSketch({ relativeAccuracy: 0.02 }).add(0).add(10).add(1000, 3);
    const copy = DDSketch.fromJSON(JSON.parse(JSON.stringify(sketch)));
    expect(copy.toJSON()).toStrictEqual(sketch.toJSON());
    expect(copy.quantile(0.5)).toBe(sketch.quantile(0.5));
    expect(() => DDSketch.fromJSON({ ...sketch.toJSON(), count: 99 })).toThrow(MetricsError);
    expect(() => DDSketch.fromJSON({ kind: "tdigest" })).toThrow(MetricsError);
    expect(() => new DDSketch({ relativeAccuracy: 1 })).toThrow(MetricsError);
    expect(() => new DDSketch().add(-1)).toThrow(MetricsError);
    expect(() => new DDSketch().add(Number.NaN)).toThrow(MetricsError);
    expect(() => new DDSketch({ relativeAccuracy: 0.01 }).merge(new DDSketch({ relativeAccuracy: 0.02 }))).toThrow(MetricsError);
    expect(new DDSketch().quantile(0.5)).toBeNull();
  });
});
