/**
 * The first instant supportops calendars and clocks support: 1970-01-01T00:00:00Z.
 *
 * @example
 * MIN_SUPPORTED_MS; // => 0
 */
export const MIN_SUPPORTED_MS = 0;

/**
 * The end (exclusive) of the range supportops calendars and clocks support: 2200-01-01T00:00:00Z.
 *
 * @example
 * new Date(MAX_SUPPORTED_MS).toISOString(); // => "2200-01-01T00:00:00.000Z"
 */
export const MAX_SUPPORTED_MS = 7_258_118_400_000;
