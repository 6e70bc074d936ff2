/**
 * `@supportops/metrics`. Placeholder until its issue lands: it exports nothing yet.
 *
 * @packageDocumentation
 */
export {};
