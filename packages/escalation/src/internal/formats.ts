import { safeToEpochMs } from "@supportops/core";
import { PSEUDONYM_TOKEN } from "./redaction/tokens.js";

/** Epoch ms of an ISO instant with an offset that core's `toEpochMs` accepts, or `undefined`. */
export function instantMs(value: unknown): number | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const parsed = safeToEpochMs(value);
  return parsed.success ? parsed.data : undefined;
}

/** Whether `value` is an ISO-8601 instant with an offset that core's `toEpochMs` accepts. */
export function isIsoInstant(value: string): boolean {
  return instantMs(value) !== undefined;
}

/**
 * Whether `value` is a keyed pseudonym token exactly as `redact(…, { mode: "pseudonymize" })` and
 * `pseudonymize` write it: `[EMAIL:k1:0123456789abcdef]`.
 */
export function isPseudonymToken(value: string): boolean {
  return PSEUDONYM_TOKEN.test(value);
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
