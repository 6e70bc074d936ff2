import { checkDepth } from "../checkDepth.js";
import type { CanonicalStatus, TicketEvent } from "../TicketEvent.js";
import { readIsoInstant } from "./readIsoInstant.js";

/**
 * The fast path of `parseTicketLog`: one stored event checked by hand against `TicketEventSchema`
 * (exact key sets per type, the same field rules, custom status names mapped as `statusMap` says),
 * returning exactly what the schema would (same values, same key order), or `undefined` when it
 * cannot vouch for the event. `undefined` is not a verdict: the caller then runs the schema, which
 * either accepts a form this path leaves out or produces the error. So this function may refuse
 * anything unusual (an explicit `undefined` field, a nested `field_changed` value, an odd prototype)
 * but must never accept what the schema rejects.
 *
 * Nesting is only possible under `meta` here (nested `field_changed` values go to the schema path),
 * so the depth guard runs only when `meta` holds an object.
 */
export function parseTicketEventFast(raw: unknown, statusMap: ReadonlyMap<string, CanonicalStatus>): TicketEvent | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const event = raw as Record<string, unknown>;
  const id = event["id"];
  if (typeof id !== "string" || id.length === 0) return undefined;
  const at = readAt(event["at"]);
  if (at !== at) return undefined; // NaN: not decided here
  const actor = event["actor"];
  const rawMeta = event["meta"];
  // The output is built key by key in the schema's order, so it matches the schema's output exactly.
  const out: Record<string, unknown> = { id, at };
  let keys = 3; // id, at, type
  if (actor !== undefined) {
    if (!isNonEmpty(actor)) return undefined;
    out["actor"] = actor;
    keys += 1;
  }
  if (rawMeta !== undefined) {
    const meta = copyMeta(rawMeta, event);
    if (meta === undefined) return undefined;
    out["meta"] = meta;
    keys += 1;
  }
  switch (event["type"]) {
    case "created": {
      const by = event["by"];
      if (by !== "customer" && by !== "agent" && by !== "system") return undefined;
      out["type"] = "created";
      out["by"] = by;
      keys += 1;
      const channelCopied = copyOptional(event, out, "channel", isNonEmpty);
      if (channelCopied < 0) return undefined;
      keys += channelCopied;
      const status = event["status"];
      if (status !== undefined) {
        const mapped = typeof status === "string" ? statusMap.get(status) : undefined;
        if (mapped === undefined) return undefined;
        out["status"] = mapped;
        keys += 1;
      }
      for (const key of CREATED_TAIL) {
        const value = event[key];
        if (value === undefined) continue;
        if (!isNonEmpty(value)) return undefined;
        out[key] = value;
        keys += 1;
      }
      break;
    }
    case "message": {
      const role = event["role"];
      if (role !== "customer" && role !== "agent" && role !== "bot" && role !== "system") return undefined;
      const isPublic = event["public"];
      if (typeof isPublic !== "boolean") return undefined;
      out["type"] = "message";
      out["role"] = role;
      out["public"] = isPublic;
      keys += 2;
      const authorCopied = copyOptional(event, out, "author", isNonEmpty);
      if (authorCopied < 0) return undefined;
      keys += authorCopied;
      const bodyCopied = copyOptional(event, out, "body", isString);
      if (bodyCopied < 0) return undefined;
      keys += bodyCopied;
      break;
    }
    case "status_changed": {
      const to = event["to"];
      const toStatus = typeof to === "string" ? statusMap.get(to) : undefined;
      if (toStatus === undefined) return undefined;
      const from = event["from"];
      let fromStatus: CanonicalStatus | undefined;
      if (from !== undefined) {
        fromStatus = typeof from === "string" ? statusMap.get(from) : undefined;
        if (fromStatus === undefined) return undefined;
        keys += 1;
      }
      // A custom name is kept as the label unless the event gives one (as parseTicketLog's mapping does).
      let fromLabel = event["fromLabel"];
      if (fromLabel !== undefined) keys += 1;
      else if (fromStatus !== undefined && fromStatus !== from) fromLabel = from;
      let toLabel = event["toLabel"];
      if (toLabel !== undefined) keys += 1;
      else if (toStatus !== to) toLabel = to;
      out["type"] = "status_changed";
      if (fromStatus !== undefined) out["from"] = fromStatus;
      out["to"] = toStatus;
      keys += 1;
      if (fromLabel !== undefined) {
        if (!isNonEmpty(fromLabel)) return undefined;
        out["fromLabel"] = fromLabel;
      }
      if (toLabel !== undefined) {
        if (!isNonEmpty(toLabel)) return undefined;
        out["toLabel"] = toLabel;
      }
      break;
    }
    case "priority_changed":
    case "severity_changed": {
      const from = event["from"];
      if (from !== null && !isNonEmpty(from)) return undefined;
      const to = event["to"];
      if (!isNonEmpty(to)) return undefined;
      const source = event["source"];
      if (source !== "matrix" && source !== "manual" && source !== "rule" && source !== "import") return undefined;
      out["type"] = event["type"];
      out["from"] = from;
      out["to"] = to;
      out["source"] = source;
      keys += 3;
      const reasonCopied = copyOptional(event, out, "reason", isNonEmpty);
      if (reasonCopied < 0) return undefined;
      keys += reasonCopied;
      break;
    }
    case "assigned": {
      const group = event["group"];
      const agent = event["agent"];
      if (group === undefined && agent === undefined) return undefined;
      out["type"] = "assigned";
      if (group !== undefined) {
        if (group !== null && !isNonEmpty(group)) return undefined;
        out["group"] = group;
        keys += 1;
      }
      if (agent !== undefined) {
        if (agent !== null && !isNonEmpty(agent)) return undefined;
        out["agent"] = agent;
        keys += 1;
      }
      break;
    }
    case "escalated": {
      out["type"] = "escalated";
      const toCopied = copyOptional(event, out, "to", isNonEmpty);
      if (toCopied < 0) return undefined;
      keys += toCopied;
      const tier = event["tier"];
      if (tier !== undefined) {
        if (!Number.isSafeInteger(tier) || (tier as number) < 1) return undefined;
        out["tier"] = tier;
        keys += 1;
      }
      const reasonCopied = copyOptional(event, out, "reason", isNonEmpty);
      if (reasonCopied < 0) return undefined;
      keys += reasonCopied;
      break;
    }
    case "acknowledged":
      out["type"] = "acknowledged";
      break;
    case "merged": {
      const into = event["into"];
      if (!isNonEmpty(into)) return undefined;
      out["type"] = "merged";
      out["into"] = into;
      keys += 1;
      break;
    }
    case "category_changed": {
      out["type"] = "category_changed";
      const from = event["from"];
      if (from !== undefined) {
        if (from !== null && !isNonEmpty(from)) return undefined;
        out["from"] = from;
        keys += 1;
      }
      const to = event["to"];
      if (to !== null && !isNonEmpty(to)) return undefined;
      out["to"] = to;
      keys += 1;
      const taxonomyVersionCopied = copyOptional(event, out, "taxonomyVersion", isNonEmpty);
      if (taxonomyVersionCopied < 0) return undefined;
      keys += taxonomyVersionCopied;
      break;
    }
    case "satisfaction_rated": {
      const score = event["score"];
      if (!Number.isSafeInteger(score) || (score as number) < 1) return undefined;
      let scaleMax = event["scaleMax"];
      if (scaleMax === undefined) scaleMax = 5;
      else if (!Number.isSafeInteger(scaleMax) || (scaleMax as number) < 2 || (scaleMax as number) > 10) return undefined;
      else keys += 1;
      if ((score as number) > (scaleMax as number)) return undefined;
      out["type"] = "satisfaction_rated";
      out["score"] = score;
      out["scaleMax"] = scaleMax;
      keys += 1;
      const commentCopied = copyOptional(event, out, "comment", isString);
      if (commentCopied < 0) return undefined;
      keys += commentCopied;
      break;
    }
    case "field_changed": {
      const field = event["field"];
      if (!isNonEmpty(field)) return undefined;
      out["type"] = "field_changed";
      out["field"] = field;
      keys += 1;
      const from = event["from"];
      if (from !== undefined) {
        if (!isJsonScalar(from)) return undefined;
        out["from"] = from;
        keys += 1;
      }
      const to = event["to"];
      if (!isJsonScalar(to)) return undefined;
      out["to"] = to;
      keys += 1;
      break;
    }
    default:
      return undefined;
  }
  // Every key of the input must have been read above: any other key (a typo, `__proto__`, an
  // inherited one) or an explicit `undefined` is for the schema to report or decide.
  let seen = 0;
  for (const key in event) {
    void key;
    seen += 1;
  }
  return seen === keys ? (out as TicketEvent) : undefined;
}

const CREATED_TAIL = ["priority", "severity", "category", "requester"] as const;

/** The largest absolute epoch-millisecond value a JavaScript `Date` can hold. */
const DATE_LIMIT_MS = 8_640_000_000_000_000;

/** `InstantSchema` for the forms it accepts without a word: epoch ms outside the epoch-seconds band, or an ISO instant. */
function readAt(value: unknown): number {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value > DATE_LIMIT_MS || value < -DATE_LIMIT_MS || (value >= 1e9 && value < 1e10)) return Number.NaN;
    return value === 0 ? 0 : value; // -0 is 0, as toEpochMs has it
  }
  return typeof value === "string" ? readIsoInstant(value) : Number.NaN;
}

function isNonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/** A `z.json()` value that is not an array or object (those go to the schema path). */
function isJsonScalar(value: unknown): boolean {
  return typeof value === "string" || typeof value === "boolean" || value === null || (typeof value === "number" && Number.isFinite(value));
}

/**
 * `meta` as `z.record(z.string(), z.unknown())` parses it: a copy of the own enumerable string keys
 * (without `__proto__`) of a plain object. Anything the record schema might see differently (symbol
 * keys, an own `constructor`, another prototype) is left to it, and so is a value nested too deep or
 * cyclically, which the depth guard on the whole event reports.
 */
function copyMeta(value: unknown, event: object): Record<string, unknown> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  const record = value as Record<string, unknown>;
  if (proto === Object.prototype ? record["constructor"] !== Object : proto !== null || record["constructor"] !== undefined) return undefined;
  if (Object.getOwnPropertySymbols(value).length > 0) return undefined;
  const copy: Record<string, unknown> = {};
  let nested = false;
  for (const key of Object.keys(value)) {
    if (key === "__proto__") continue;
    const item = record[key];
    if (typeof item === "object" && item !== null) nested = true;
    copy[key] = item;
  }
  if (nested && checkDepth(event) !== undefined) return undefined;
  return copy;
}

const isString = (value: unknown): boolean => typeof value === "string";

/**
 * Copies an optional field to `out` when it passes `valid`: 0 when the field is absent, 1 when it was
 * copied, -1 when it is present but invalid (the caller then leaves the event to the schema).
 */
function copyOptional(event: Record<string, unknown>, out: Record<string, unknown>, key: string, valid: (value: unknown) => boolean): number {
  const value = event[key];
  if (value === undefined) return 0;
  if (!valid(value)) return -1;
  out[key] = value;
  return 1;
}
