import { InstantSchema, safeToEpochMs } from "@supportops/core";
import { isPseudonymTokenText } from "./redaction/tokens.js";

/**
 * Epoch ms of a stored instant — an ISO-8601 string with an offset or integer epoch ms, what core's
 * `InstantSchema` accepts (a parsed package's `…At` fields are epoch ms already) — or `undefined`.
 */
export function instantMs(value: unknown): number | undefined {
  const parsed = InstantSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Whether `value` is an ISO-8601 instant (`2026-03-09T14:05:00Z`) with an offset that core's `toEpochMs` accepts. */
export function isIsoInstant(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return false;
  return safeToEpochMs(value).success;
}

/** An instant as UTC ISO-8601, without milliseconds when they are zero: `2026-03-09T14:05:00Z`. */
export function isoOf(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * Whether `value` is a keyed pseudonym token exactly as `redact(…, { mode: "pseudonymize" })` and
 * `pseudonymize` write it: `[EMAIL:k1:0123456789abcdef]`, with nothing sensitive in its parts.
 */
export function isPseudonymToken(value: string): boolean {
  return isPseudonymTokenText(value);
}

/** W3C Trace Context trace id: 32 lowercase hex digits, not all zeros. */
export function isTraceId(value: unknown): boolean {
  return typeof value === "string" && /^[0-9a-f]{32}$/.test(value) && !/^0+$/.test(value);
}

/** W3C Trace Context parent (span) id: 16 lowercase hex digits, not all zeros. */
export function isSpanId(value: unknown): boolean {
  return typeof value === "string" && /^[0-9a-f]{16}$/.test(value) && !/^0+$/.test(value);
}

/** Plain-object guard. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Normalises prose for comparison: case-folded, whitespace collapsed, trimmed. */
export function normalizeProse(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Labels for a message: each quoted, comma-separated (`"SEV1", "SEV2"`). */
export function listLabels(labels: ReadonlyArray<string>): string {
  return labels.map((label) => JSON.stringify(label)).join(", ");
}
