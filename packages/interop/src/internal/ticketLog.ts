import { CANONICAL_STATUSES, parseTicketLog, rethrowAs, type CanonicalStatus, type TicketEventInput, type TicketLog } from "@supportops/core";
import type { IssuePath } from "@supportops/core";
import { argumentError, payloadError } from "./payload.js";
import { InteropError } from "../InteropError.js";

/** An event being built, with its instant in epoch ms and its position in the vendor history. */
export interface Pending {
  readonly at: number;
  /** Sort key for events at the same instant: the order they were read in. */
  readonly seq: number;
  readonly event: Record<string, unknown>;
}

/** Collects events, then sorts them stably by time and parses them as a core ticket log. */
export class LogBuilder {
  private readonly events: Pending[] = [];
  private seq = 0;

  add(at: number, event: Record<string, unknown>): void {
    this.events.push({ at, seq: this.seq++, event: { ...event, at } });
  }

  /** Adds the `created` event: first of all events at its instant, whatever was read before it. */
  addCreated(at: number, event: Record<string, unknown>): void {
    this.events.push({ at, seq: -1, event: { ...event, at } });
  }

  /** The log, parsed by core (an `invalid_ticket_log` InteropError when it breaks the log's rules). */
  build(): TicketLog {
    const sorted = [...this.events].sort((a, b) => a.at - b.at || a.seq - b.seq).map((p) => p.event as TicketEventInput);
    return rethrowAs(InteropError, () => parseTicketLog(sorted), [], "invalid_ticket_log");
  }
}

/** Merges the caller's status map over the vendor's defaults, checking that every target is canonical. */
export function statusMapOf(defaults: Readonly<Record<string, CanonicalStatus>>, custom: unknown): Readonly<Record<string, CanonicalStatus>> {
  if (custom === undefined) return defaults;
  if (custom === null || typeof custom !== "object" || Array.isArray(custom)) argumentError(["statusMap"], "statusMap is an object from vendor status to canonical status");
  for (const [key, value] of Object.entries(custom)) {
    if (!(CANONICAL_STATUSES as ReadonlyArray<unknown>).includes(value)) {
      argumentError(["statusMap", key], `${JSON.stringify(value)} is not a canonical status; use one of ${CANONICAL_STATUSES.join(", ")}`);
    }
  }
  return { ...defaults, ...(custom as Record<string, CanonicalStatus>) };
}

/** The canonical status of a vendor status, or an error saying how to map it. */
export function mapStatus(map: Readonly<Record<string, CanonicalStatus>>, vendorStatus: string, path: IssuePath): CanonicalStatus {
  const status = Object.hasOwn(map, vendorStatus) ? map[vendorStatus] : undefined;
  if (status === undefined) {
    payloadError(path, `status ${JSON.stringify(vendorStatus)} has no canonical status; add it to options.statusMap, e.g. { ${JSON.stringify(vendorStatus)}: "open" }`);
  }
  return status;
}

/** A status change event, or nothing when both ends map to the same canonical status. */
export function statusChange(id: string, from: { status: CanonicalStatus; label: string } | null, to: { status: CanonicalStatus; label: string }, actor?: string): Record<string, unknown> | null {
  if (from !== null && from.status === to.status) return null;
  return {
    id,
    type: "status_changed",
    to: to.status,
    toLabel: to.label,
    ...(from === null ? {} : { from: from.status, fromLabel: from.label }),
    ...(actor === undefined ? {} : { actor }),
  };
}

/** A non-empty string of an id-like vendor value, or `null`. */
export function idText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value !== "") return value;
  return null;
}
