import { MetricsError } from "./MetricsError.js";

/**
 * The serialisable state of a {@link DDSketch}: plain JSON that {@link DDSketch.fromJSON} reads back.
 *
 * @example
 * const json: DDSketchJson = new DDSketch({ relativeAccuracy: 0.01 }).toJSON();
 * json.count; // => 0
 */
export interface DDSketchJson {
  readonly kind: "ddsketch";
  readonly relativeAccuracy: number;
  readonly maxBins: number;
  /** How many values were exactly 0. */
  readonly zeroCount: number;
  /** The index of `counts[0]`. */
  readonly offset: number;
  /** Counts of the bins `offset`, `offset + 1`, …; the lowest bin also holds what collapsing moved into it. */
  readonly counts: ReadonlyArray<number>;
  readonly count: number;
  readonly sum: number;
  readonly min: number | null;
  readonly max: number | null;
  /** Whether the lowest bins were ever collapsed. */
  readonly collapsed: boolean;
}

/**
 * Options of a {@link DDSketch}.
 *
 * @example
 * const options: DDSketchOptions = { relativeAccuracy: 0.01, maxBins: 2048 };
 */
export interface DDSketchOptions {
  /** α in (0, 1): every quantile is within α × its true value. Default 0.01. */
  readonly relativeAccuracy?: number;
  /**
   * The most bins kept (default 2048, which at α = 0.01 spans 1 ms to far beyond a century). Past it
   * the lowest bins collapse into one: quantiles that fall there lose the guarantee (read `collapsed`).
   */
  readonly maxBins?: number;
}

const DEFAULT_ALPHA = 0.01;
const DEFAULT_MAX_BINS = 2048;

function invalid(path: ReadonlyArray<string | number>, message: string): MetricsError {
  return new MetricsError("invalid_argument", [{ code: "invalid_argument", path: [...path], message }]);
}

function readOptions(options: DDSketchOptions): { alpha: number; maxBins: number } {
  const alpha = options.relativeAccuracy ?? DEFAULT_ALPHA;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw invalid(["relativeAccuracy"], `expected a relative accuracy α with 0 < α < 1 (0.01 = 1 %), got ${String(alpha)}`);
  const maxBins = options.maxBins ?? DEFAULT_MAX_BINS;
  if (!Number.isSafeInteger(maxBins) || maxBins < 16) throw invalid(["maxBins"], `expected a whole number of bins ≥ 16, got ${String(maxBins)}`);
  return { alpha, maxBins };
}

/**
 * A DDSketch (Masson, Rim & Lee, PVLDB 2019): a quantile sketch of non-negative values with a
 * **relative-error guarantee** — the `q`-quantile it returns is within `α × x` of the true one `x`
 * (before rounding to a whole number, so within `α × x + 0.5` for whole milliseconds) — in bounded
 * memory (at most `maxBins` counters), and **mergeable**: merging the sketches of any split of the
 * values gives exactly the sketch of all of them (the counts add; collapsing, when it happens, is the
 * same whatever the split). Value `x > 0` goes to bin `⌈log_γ x⌉` with `γ = (1 + α)/(1 − α)`; 0 has
 * its own counter. Count, sum, min and max are kept exactly.
 *
 * Quantiles use the nearest-rank rule, as the exact percentiles do: the bin holding the
 * `⌈q·n⌉`-th smallest value answers.
 *
 * @example
 * const sketch = new DDSketch({ relativeAccuracy: 0.01 });
 * for (let i = 1; i <= 1000; i++) sketch.add(i);
 * const p90 = sketch.quantile(0.9)!;
 * Math.abs(p90 - 900) <= 0.01 * 900 + 0.5; // => true
 */
export class DDSketch {
  readonly relativeAccuracy: number;
  readonly maxBins: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  private zeroCount = 0;
  private offset = 0;
  private counts: number[] = [];
  private total = 0;
  private sumOfValues = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;
  /** Whether the lowest bins were ever collapsed. */
  private didCollapse = false;

  /**
   * @param options - `relativeAccuracy` (α, default 0.01) and `maxBins` (default 2048)
   * @throws {@link MetricsError} `invalid_argument` for α outside (0, 1) or fewer than 16 bins
   */
  constructor(options: DDSketchOptions = {}) {
    const { alpha, maxBins } = readOptions(options);
    this.relativeAccuracy = alpha;
    this.maxBins = maxBins;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  /** How many values were added. */
  get count(): number {
    return this.total;
  }

  /** Their sum (exact while it stays below 2^53 for whole numbers). */
  get sum(): number {
    return this.sumOfValues;
  }

  /** The smallest value added, exactly; `null` when empty. */
  get min(): number | null {
    return this.total === 0 ? null : this.minValue;
  }

  /** The largest value added, exactly; `null` when empty. */
  get max(): number | null {
    return this.total === 0 ? null : this.maxValue;
  }

  /** Whether the lowest bins were ever collapsed (quantiles that land in the lowest bin lose the guarantee). */
  get collapsed(): boolean {
    return this.didCollapse;
  }

  private indexOf(value: number): number {
    return Math.ceil(Math.log(value) / this.logGamma);
  }

  /**
   * Adds a value (`weight` times).
   *
   * @throws {@link MetricsError} `invalid_argument` for a negative, infinite or NaN value, or a weight that is not a whole number ≥ 1
   */
  add(value: number, weight = 1): this {
    if (!(value >= 0) || value === Infinity) throw invalid(["value"], `a DDSketch takes finite values ≥ 0, got ${String(value)}`);
    if (!Number.isSafeInteger(weight) || weight < 1) throw invalid(["weight"], `expected a whole weight ≥ 1, got ${String(weight)}`);
    this.total += weight;
    this.sumOfValues += value * weight;
    if (value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    if (value === 0) {
      this.zeroCount += weight;
      return this;
    }
    this.addToBin(this.indexOf(value), weight);
    return this;
  }

  private addToBin(index: number, weight: number): void {
    const counts = this.counts;
    if (counts.length === 0) {
      this.offset = index;
      counts.push(weight);
      return;
    }
    if (index < this.offset) {
      // A new lowest bin: grow downwards, but never past maxBins below the highest bin; a value below
      // that collapses into the lowest bin kept (as it would have, had the values come in another order).
      const highest = this.offset + counts.length - 1;
      const low = Math.max(index, highest - this.maxBins + 1);
      if (index < low) this.didCollapse = true;
      if (low < this.offset) {
        const fresh = new Array<number>(this.offset - low).fill(0);
        this.counts = fresh.concat(counts);
        this.offset = low;
      }
      (this.counts as number[])[0] = (this.counts[0] as number) + weight;
      return;
    }
    const at = index - this.offset;
    if (at < counts.length) {
      counts[at] = (counts[at] as number) + weight;
      return;
    }
    while (counts.length < at) counts.push(0);
    counts.push(weight);
    this.collapseLowest();
  }

  /** Keeps at most maxBins bins: everything below `highest − maxBins + 1` moves into that bin. */
  private collapseLowest(): void {
    const excess = this.counts.length - this.maxBins;
    if (excess <= 0) return;
    this.didCollapse = true;
    let moved = 0;
    for (let i = 0; i <= excess; i++) moved += this.counts[i] as number;
    this.counts = this.counts.slice(excess);
    this.counts[0] = moved;
    this.offset += excess;
  }

  /**
   * Adds everything `other` holds. Both must have the same `relativeAccuracy` and `maxBins`.
   *
   * @throws {@link MetricsError} `invalid_argument` when the two sketches were made differently
   */
  merge(other: DDSketch): this {
    if (other.relativeAccuracy !== this.relativeAccuracy || other.maxBins !== this.maxBins) {
      throw invalid([], `only sketches with the same relativeAccuracy and maxBins merge (${this.relativeAccuracy}/${this.maxBins} vs ${other.relativeAccuracy}/${other.maxBins})`);
    }
    if (other.total === 0) return this;
    this.total += other.total;
    this.sumOfValues += other.sumOfValues;
    if (other.minValue < this.minValue) this.minValue = other.minValue;
    if (other.maxValue > this.maxValue) this.maxValue = other.maxValue;
    this.zeroCount += other.zeroCount;
    if (other.didCollapse) this.didCollapse = true;
    if (other.counts.length === 0) return this;
    if (this.counts.length === 0) {
      this.offset = other.offset;
      this.counts = [...other.counts];
      return this;
    }
    const low = Math.min(this.offset, other.offset);
    const high = Math.max(this.offset + this.counts.length, other.offset + other.counts.length) - 1;
    const merged = new Array<number>(high - low + 1).fill(0);
    for (let i = 0; i < this.counts.length; i++) merged[this.offset - low + i] = (merged[this.offset - low + i] as number) + (this.counts[i] as number);
    for (let i = 0; i < other.counts.length; i++) merged[other.offset - low + i] = (merged[other.offset - low + i] as number) + (other.counts[i] as number);
    this.counts = merged;
    this.offset = low;
    this.collapseLowest();
    return this;
  }

  /**
   * The `q`-quantile (0 ≤ q ≤ 1) by nearest rank: within `α ×` the true nearest-rank quantile;
   * `null` when the sketch is empty. `q = 0` and `q = 1` give the exact min and max.
   *
   * @throws {@link MetricsError} `invalid_argument` for q outside [0, 1]
   */
  quantile(q: number): number | null {
    if (!(q >= 0 && q <= 1)) throw invalid(["q"], `expected a quantile 0 ≤ q ≤ 1, got ${String(q)}`);
    if (this.total === 0) return null;
    if (q === 0) return this.minValue;
    if (q === 1) return this.maxValue;
    const rank = Math.max(1, Math.ceil(q * this.total - 1e-9));
    return this.valueAtRank(rank);
  }

  /**
   * The `rank`-th smallest value (1-based; ranks past the count give the max) as the sketch knows it:
   * within `α ×` the true one; `null` when the sketch is empty.
   */
  valueAtRank(rank: number): number | null {
    if (this.total === 0) return null;
    if (rank <= this.zeroCount) return 0;
    let seen = this.zeroCount;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] as number;
      if (seen >= rank) {
        const index = this.offset + i;
        // The bin's representative: 2γ^i/(γ + 1), within α of every value in (γ^(i−1), γ^i]; never
        // outside the exact min and max.
        const value = (2 * Math.exp(index * this.logGamma)) / (this.gamma + 1);
        return Math.min(this.maxValue, Math.max(this.minValue, value));
      }
    }
    return this.maxValue;
  }

  /** The state as plain JSON. */
  toJSON(): DDSketchJson {
    return {
      kind: "ddsketch",
      relativeAccuracy: this.relativeAccuracy,
      maxBins: this.maxBins,
      zeroCount: this.zeroCount,
      offset: this.offset,
      counts: [...this.counts],
      count: this.total,
      sum: this.sumOfValues,
      min: this.min,
      max: this.max,
      collapsed: this.didCollapse,
    };
  }

  /**
   * Reads a sketch back from {@link DDSketch.toJSON}.
   *
   * @param json - the state (parsed JSON)
   * @returns the sketch
   * @throws {@link MetricsError} `invalid_argument` for anything `toJSON` does not write
   * @example
   * const sketch = new DDSketch().add(5).add(50);
   * DDSketch.fromJSON(JSON.parse(JSON.stringify(sketch))).quantile(1); // => 50
   */
  static fromJSON(json: unknown): DDSketch {
    const s = json as Partial<DDSketchJson> | null;
    const bad = (field: string, what: string): never => {
      throw invalid([field], `not a DDSketch state: ${field} ${what}`);
    };
    if (typeof s !== "object" || s === null || s.kind !== "ddsketch") throw invalid(["kind"], 'not a DDSketch state: expected kind "ddsketch"');
    const sketch = new DDSketch({ relativeAccuracy: s.relativeAccuracy as number, maxBins: s.maxBins as number });
    const whole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
    if (!whole(s.zeroCount)) bad("zeroCount", "must be a whole number ≥ 0");
    if (typeof s.offset !== "number" || !Number.isSafeInteger(s.offset)) bad("offset", "must be a whole number");
    if (!Array.isArray(s.counts) || !s.counts.every(whole) || s.counts.length > sketch.maxBins) bad("counts", `must be at most ${sketch.maxBins} whole numbers ≥ 0`);
    const counts = s.counts as number[];
    const binned = counts.reduce((a, b) => a + b, 0);
    if (!whole(s.count) || s.count !== binned + (s.zeroCount as number)) bad("count", "must equal zeroCount plus the bin counts");
    if (typeof s.sum !== "number" || !Number.isFinite(s.sum) || s.sum < 0) bad("sum", "must be a finite number ≥ 0");
    const empty = s.count === 0;
    const okBound = (v: unknown): boolean => (empty ? v === null : typeof v === "number" && Number.isFinite(v) && v >= 0);
    if (!okBound(s.min) || !okBound(s.max) || (!empty && (s.min as number) > (s.max as number))) bad("min", "and max must be the least and greatest value (null when empty)");
    sketch.zeroCount = s.zeroCount as number;
    sketch.offset = s.offset as number;
    sketch.counts = [...counts];
    sketch.total = s.count as number;
    sketch.sumOfValues = s.sum as number;
    sketch.minValue = empty ? Infinity : (s.min as number);
    sketch.maxValue = empty ? -Infinity : (s.max as number);
    if (typeof s.collapsed !== "boolean") bad("collapsed", "must be true or false");
    sketch.didCollapse = s.collapsed as boolean;
    return sketch;
  }
}
