/**
 * `@supportops/escalation`: escalation packages (schema, quality score, rendering), redaction and
 * escalation policies.
 *
 * @packageDocumentation
 */

// --- package schema, score, rendering, policies, matrix ---
export {};

// --- redaction ---
