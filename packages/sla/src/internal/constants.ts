import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from "@supportops/core";

/** Milliseconds in 24 hours: the length of a local day on the wall-clock line (not in absolute time). */
export const DAY_MS = 86_400_000;

/**
 * Absolute time is compiled lazily in fixed chunks of 2^35 ms (about 398 days). A fixed grid (rather
 * than calendar years) makes the chunk of an instant one division, and lets set operations combine two
 * calendars chunk by chunk.
 */
export const CHUNK_MS = 34_359_738_368;

/** How many chunks cover the supported range [MIN_SUPPORTED_MS, MAX_SUPPORTED_MS). */
export const CHUNK_COUNT = Math.ceil((MAX_SUPPORTED_MS - MIN_SUPPORTED_MS) / CHUNK_MS);

export { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS };
