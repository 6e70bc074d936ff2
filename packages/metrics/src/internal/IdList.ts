// A list of ticket ids kept as bytes in chunks: about one byte per character plus one for the length,
// where an array of strings costs some 30 bytes per id on the V8 heap. It holds the ids of
// first-contact successes whose fate depends on merges not seen yet (docs/kpis.md, "Accumulators").

const EMPTY = new Uint8Array(0);

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over an id's UTF-16 code units, as {@link IdList.countIn} hashes the ids it holds. */
export function idHash(id: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The largest chunk (bytes); chunks grow from FIRST_CHUNK by doubling up to it. */
const MAX_CHUNK = 65_536;
const FIRST_CHUNK = 64;

/**
 * Ids in the order pushed. Each id is a header — a base-128 varint of `2 × units + wide` — then its
 * UTF-16 code units: one byte each when all are below 0x80 (`wide` = 0), else two bytes each, low
 * byte first (`wide` = 1). Code units, not UTF-8, so every JavaScript string (a lone surrogate too)
 * comes back exactly. An id never spans two chunks.
 */
export class IdList {
  private chunks: Uint8Array[] = [];
  /** The last chunk (empty before the first id). */
  private current: Uint8Array = EMPTY;
  /** Bytes used in the last chunk. */
  private used = 0;
  private count = 0;

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.push(id);
  }

  get length(): number {
    return this.count;
  }

  push(id: string): void {
    const n = id.length;
    let wide = 0;
    for (let i = 0; i < n; i++) {
      if (id.charCodeAt(i) > 0x7f) {
        wide = 1;
        break;
      }
    }
    const header = 2 * n + wide;
    const bytes = (header < 0x80 ? 1 : varintLength(header)) + n * (1 + wide);
    const chunk = this.current.length - this.used >= bytes ? this.current : this.room(bytes);
    let at = header < 0x80 ? this.used : writeVarint(chunk, this.used, header);
    if (header < 0x80) chunk[at++] = header;
    if (wide === 0) {
      for (let i = 0; i < n; i++) chunk[at++] = id.charCodeAt(i);
    } else {
      for (let i = 0; i < n; i++) {
        const unit = id.charCodeAt(i);
        chunk[at++] = unit & 0xff;
        chunk[at++] = unit >>> 8;
      }
    }
    this.used = at;
    this.count += 1;
  }

  /** Appends every id of `other`, byte for byte (`other` may be this list). */
  pushAll(other: IdList): void {
    const count = other.count;
    other.walk((chunk, start, units, n, wide) => {
      const end = units + n * (1 + wide);
      const target = this.room(end - start);
      target.set(chunk.subarray(start, end), this.used);
      this.used += end - start;
    });
    this.count += count;
  }

  /** The ids, in order. */
  toArray(): string[] {
    const ids: string[] = [];
    this.walk((chunk, _start, units, n, wide) => ids.push(wide === 0 ? asciiAt(chunk, units, n) : wideAt(chunk, units, n)));
    return ids;
  }

  /**
   * How many of the ids are in `ids`, where `hashes` holds {@link idHash} of every id in `ids`: an id
   * is hashed from its bytes, and decoded into a string (to look it up in `ids`) only when its hash is
   * one of `hashes` — a few ids instead of every one.
   */
  countIn(ids: ReadonlySet<string>, hashes: ReadonlySet<number>): number {
    let found = 0;
    this.walk((chunk, _start, units, n, wide) => {
      let h = FNV_OFFSET;
      if (wide === 0) for (let i = 0; i < n; i++) h = Math.imul(h ^ (chunk[units + i] as number), FNV_PRIME);
      else for (let i = 0; i < n; i++) h = Math.imul(h ^ ((chunk[units + 2 * i] as number) | ((chunk[units + 2 * i + 1] as number) << 8)), FNV_PRIME);
      if (hashes.has(h >>> 0) && ids.has(wide === 0 ? asciiAt(chunk, units, n) : wideAt(chunk, units, n))) found += 1;
    });
    return found;
  }

  /**
   * Calls `visit` with each entry, in order: its chunk, where the entry starts (its header), where its
   * code units start, how many there are and whether they are two bytes each. Only the entries there
   * when it was called, so a visitor that pushes into this very list does not see its own pushes.
   */
  private walk(visit: (chunk: Uint8Array, start: number, units: number, n: number, wide: number) => void): void {
    // Every chunk but the last is trimmed to what it holds.
    const chunks = this.chunks.slice();
    const lastUsed = this.used;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c] as Uint8Array;
      const limit = c === chunks.length - 1 ? lastUsed : chunk.length;
      let at = 0;
      while (at < limit) {
        // Most ids are short: a one-byte header, read here without a call.
        let header = chunk[at] as number;
        let units = at + 1;
        if (header >= 0x80) ({ value: header, next: units } = readVarint(chunk, at));
        const n = Math.floor(header / 2);
        const wide = header % 2;
        visit(chunk, at, units, n, wide);
        at = units + n * (1 + wide);
      }
    }
  }

  /** The last chunk, with at least `bytes` free after `used` (a new chunk when it has not). */
  private room(bytes: number): Uint8Array {
    const last = this.chunks[this.chunks.length - 1];
    if (last !== undefined && last.length - this.used >= bytes) return last;
    const size = Math.max(bytes, last === undefined ? FIRST_CHUNK : Math.min(MAX_CHUNK, last.length * 2));
    // The full chunk is trimmed to what it holds (a view: its unused tail, shorter than one id, stays allocated).
    if (last !== undefined && this.used < last.length) this.chunks[this.chunks.length - 1] = last.subarray(0, this.used);
    const chunk = new Uint8Array(size);
    this.chunks.push(chunk);
    this.current = chunk;
    this.used = 0;
    return chunk;
  }
}

function varintLength(value: number): number {
  let bytes = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 128)) bytes += 1;
  return bytes;
}

function writeVarint(chunk: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    chunk[at++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  chunk[at++] = v;
  return at;
}

function readVarint(chunk: Uint8Array, start: number): { value: number; next: number } {
  let at = start;
  let value = 0;
  let scale = 1;
  let byte: number;
  do {
    byte = chunk[at++] as number;
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte >= 0x80);
  return { value, next: at };
}

/** Reused by {@link asciiAt} for short ids: one array of char codes, not one per id. */
const codes: number[] = [];

/** The string of `n` one-byte code units from `start`. */
function asciiAt(chunk: Uint8Array, start: number, n: number): string {
  if (n <= 64) {
    codes.length = n;
    for (let i = 0; i < n; i++) codes[i] = chunk[start + i] as number;
    return String.fromCharCode.apply(null, codes);
  }
  let s = "";
  for (let i = 0; i < n; i += 1024) s += String.fromCharCode.apply(null, Array.from(chunk.subarray(start + i, start + Math.min(n, i + 1024))));
  return s;
}

/** The string of `n` two-byte code units (low byte first) from `start`. */
function wideAt(chunk: Uint8Array, start: number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i += 1024) {
    const units: number[] = [];
    for (let j = i; j < Math.min(n, i + 1024); j++) units.push((chunk[start + 2 * j] as number) | ((chunk[start + 2 * j + 1] as number) << 8));
    s += String.fromCharCode.apply(null, units);
  }
  return s;
}
