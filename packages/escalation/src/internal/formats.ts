import { safeToEpochMs } from "@supportops/core";

/** Whether `value` is an ISO-8601 instant with an offset that core's `toEpochMs` accepts. */
export function isIsoInstant(value: string): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) && safeToEpochMs(value).success;
}

/** Epoch ms of an ISO instant, or `undefined` when the value is not one. */
export function instantMs(value: unknown): number | undefined {
  if (typeof value !== "string" || !isIsoInstant(value)) return undefined;
  const parsed = safeToEpochMs(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether `value` is a keyed pseudonym token as `redact(…, { mode: "pseudonymize" })` writes it:
 * `[EMAIL:k1:0123456789abcdef]`, an upper-case entity type, the key version and 8–64 hex digits of
 * the HMAC.
 */
export function isPseudonymToken(value: string): boolean {
  return /^\[[A-Z][A-Z0-9_]{1,30}:[\w.-]{1,32}:[0-9a-f]{8,64}\]$/.test(value);
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
