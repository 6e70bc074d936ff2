// Oracle: parseTicketLog's hand-written fast path (with its fallback to the schema) against the schema
// path alone, on random valid and invalid events. Same parsed events (values, key order, frozen), or
// the same error (code, paths, messages).
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { generateTicketLogs, hostileScalarArb, nested, numRuns } from "@supportops/test-utils";
import { CANONICAL_STATUSES, CoreError, TicketEventSchema, type CanonicalStatus, type TicketEvent } from "@supportops/core";
import { parseTicketEventFast } from "../src/internal/parseTicketEventFast.js";
import { parseTicketEventWithSchema, parseTicketEvents } from "../src/internal/parseTicketEvents.js";

const CANONICAL: ReadonlyMap<string, CanonicalStatus> = new Map(CANONICAL_STATUSES.map((s) => [s, s]));
const CUSTOM: ReadonlyMap<string, CanonicalStatus> = new Map<string, CanonicalStatus>([
  ...CANONICAL,
  ["Waiting on customer", "pending"],
  ["Triage", "open"],
  ["", "open"],
]);

// ---- values of every kind a field may hold, valid and not ----

const T0 = Date.UTC(2026, 2, 9, 9);
const validAt = fc.oneof(
  fc.integer({ min: T0 - 1e10, max: T0 + 1e10 }),
  fc.integer({ min: -1e9 + 1, max: 1e9 - 1 }),
  fc.constantFrom(0, -0, 8_640_000_000_000_000, -8_640_000_000_000_000),
  fc.integer({ min: T0 - 1e10, max: T0 + 1e10 }).map((ms) => new Date(ms).toISOString()),
  fc.tuple(fc.integer({ min: T0 - 1e10, max: T0 + 1e10 }), fc.constantFrom("+01:00", "-04:00", "+05:30", "+0100", "-03", "Z", "z")).map(
    ([ms, offset]) => new Date(ms).toISOString().slice(0, 19).replace("T", offset === "z" ? " " : "T") + offset,
  ),
);
const oddAt = fc.oneof(
  fc.constantFrom(1_773_046_800, 1e9, 1e10 - 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 8_640_000_000_000_001, 2 ** 53, "2026-03-09T09:00:00", "2026-02-30T09:00:00Z"),
  fc.constantFrom("2026-03-09T09:00:00.0001Z", "+002026-03-09T09:00:00Z", "2026-03-09T09:00:00+24:00", "yesterday", "", new Date(0)),
  hostileScalarArb,
);
const nonEmpty = fc.oneof(fc.constantFrom("a", "tier1", "ann", "P1", "x y"), fc.string({ minLength: 1, maxLength: 8 }));
const oddString = fc.oneof(fc.constantFrom("", " ", 1, null, true, [], {}, new String("a")), hostileScalarArb);
const json = fc.jsonValue({ maxDepth: 2 });
const oddJson = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, () => 1, new Date(0), new Map(), [1, , 3], Symbol("s"), 10n),
  fc.constant(null).map(() => nested(150, "array")),
  fc.constant(null).map(() => nested(99, "object")),
);

type Kind =
  | { readonly kind: "nonEmpty" }
  | { readonly kind: "string" }
  | { readonly kind: "boolean" }
  | { readonly kind: "enum"; readonly values: ReadonlyArray<string> }
  | { readonly kind: "status" }
  | { readonly kind: "int"; readonly min: number; readonly max?: number }
  | { readonly kind: "nullable" }
  | { readonly kind: "json" };

interface Field {
  readonly name: string;
  readonly required: boolean;
  readonly kind: Kind;
}

const ne: Kind = { kind: "nonEmpty" };
const f = (name: string, kind: Kind, required = false): Field => ({ name, required, kind });

const SPECS: Record<TicketEvent["type"], ReadonlyArray<Field>> = {
  created: [f("by", { kind: "enum", values: ["customer", "agent", "system"] }, true), f("channel", ne), f("status", { kind: "status" }), f("priority", ne), f("severity", ne), f("category", ne), f("requester", ne)],
  message: [f("role", { kind: "enum", values: ["customer", "agent", "bot", "system"] }, true), f("public", { kind: "boolean" }, true), f("author", ne), f("body", { kind: "string" })],
  status_changed: [f("from", { kind: "status" }), f("to", { kind: "status" }, true), f("fromLabel", ne), f("toLabel", ne)],
  priority_changed: [f("from", { kind: "nullable" }, true), f("to", ne, true), f("source", { kind: "enum", values: ["matrix", "manual", "rule", "import"] }, true), f("reason", ne)],
  severity_changed: [f("from", { kind: "nullable" }, true), f("to", ne, true), f("source", { kind: "enum", values: ["matrix", "manual", "rule", "import"] }, true), f("reason", ne)],
  assigned: [f("group", { kind: "nullable" }), f("agent", { kind: "nullable" })],
  escalated: [f("to", ne), f("tier", { kind: "int", min: 1 }), f("reason", ne)],
  acknowledged: [],
  merged: [f("into", ne, true)],
  category_changed: [f("from", { kind: "nullable" }), f("to", { kind: "nullable" }, true), f("taxonomyVersion", ne)],
  satisfaction_rated: [f("score", { kind: "int", min: 1, max: 10 }, true), f("scaleMax", { kind: "int", min: 2, max: 10 }), f("comment", { kind: "string" })],
  field_changed: [f("field", ne, true), f("from", { kind: "json" }), f("to", { kind: "json" }, true)],
};

function validValue(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind.kind) {
    case "nonEmpty":
      return nonEmpty;
    case "string":
      return fc.string({ maxLength: 8 });
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...kind.values);
    case "status":
      return fc.constantFrom(...CANONICAL_STATUSES, "Waiting on customer", "Triage", "");
    case "int":
      return fc.oneof(fc.integer({ min: kind.min, max: kind.max ?? kind.min + 5 }), fc.constant(kind.max ?? 2 ** 53 - 1));
    case "nullable":
      return fc.oneof(nonEmpty, fc.constant(null));
    case "json":
      return json;
  }
}

function oddValue(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind.kind) {
    case "int":
      return fc.constantFrom(kind.min - 1, (kind.max ?? 100) + 1, 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "3", null);
    case "enum":
    case "status":
      return fc.constantFrom("agnt", "Pending", "Limbo", "", 1, null);
    case "json":
      return oddJson;
    case "boolean":
      return fc.constantFrom("true", 0, 1, null);
    default:
      return oddString;
  }
}

/** A field's value: mostly valid, sometimes odd, sometimes explicitly undefined. */
function valueOf(kind: Kind): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: validValue(kind), weight: 12 }, { arbitrary: oddValue(kind), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

const metaArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), weight: 8 },
  {
    arbitrary: fc.constantFrom<() => unknown>(
      () => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'),
      () => Object.assign(Object.create(null) as object, { a: 1 }),
      () => ({ constructor: "x" }),
      () => ({ [Symbol("s")]: 1 }),
      () => ({ 2: "two", b: { c: [1] }, 1: "one" }),
      () => ({ deep: nested(98) }),
      () => ({ deep: nested(99) }),
      () => {
        const cyclic: Record<string, unknown> = { a: 1 };
        cyclic["self"] = cyclic;
        return cyclic;
      },
      () => [1, 2],
      () => new Map([["a", 1]]),
      () => new Date(0),
      () => ({ f: () => 1, u: undefined }),
    ).map((make) => make()),
    weight: 2,
  },
  { arbitrary: oddString, weight: 1 },
);

/** `arb` in `percent`% of cases, else null (absent). */
function sometimes<T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary: arb, weight: percent });
}

const TYPES = Object.keys(SPECS) as Array<TicketEvent["type"]>;

/** A random stored event: a type (rarely a wrong one), its fields present or not, extra keys, any order. */
const eventArb: fc.Arbitrary<unknown> = fc
  .record({
    type: fc.oneof({ arbitrary: fc.constantFrom(...TYPES), weight: 20 }, { arbitrary: fc.constantFrom("teleported", "", 1, undefined), weight: 1 }),
    id: fc.oneof({ arbitrary: nonEmpty, weight: 20 }, { arbitrary: oddString, weight: 1 }),
    at: fc.oneof({ arbitrary: validAt, weight: 12 }, { arbitrary: oddAt, weight: 1 }),
    actor: sometimes(valueOf(ne), 30),
    meta: sometimes(metaArb, 15),
    extra: sometimes(fc.constantFrom<[string, unknown]>(["colour", "red"], ["pubilc", true], ["__proto__", 1], ["constructor", "x"]), 6),
    presence: fc.array(fc.nat(99), { minLength: 8, maxLength: 8 }),
    order: sometimes(fc.nat(), 30),
  })
  .chain((base) => {
    const spec = typeof base.type === "string" && base.type in SPECS ? SPECS[base.type as TicketEvent["type"]] : SPECS.created;
    return fc.tuple(...spec.map((field) => valueOf(field.kind))).map((values) => {
      const entries: Array<[string, unknown]> = [
        ["id", base.id],
        ["at", base.at],
      ];
      if (base.actor !== null) entries.push(["actor", base.actor]);
      if (base.meta !== null) entries.push(["meta", base.meta]);
      if (base.type !== undefined) entries.push(["type", base.type]);
      spec.forEach((field, i) => {
        const roll = base.presence[i] ?? 0;
        if (field.required ? roll < 97 : roll < 50) entries.push([field.name, values[i]]);
      });
      if (base.extra !== null) entries.push(base.extra);
      if (base.order !== null) {
        // A rotation: the schema's output order must not depend on the input's.
        const k = base.order % entries.length;
        entries.push(...entries.splice(0, k));
      }
      // Built with defineProperty so a "__proto__" key is an own key, as JSON.parse makes it.
      const event: Record<string, unknown> = {};
      for (const [key, value] of entries) Object.defineProperty(event, key, { value, enumerable: true, writable: true, configurable: true });
      return event;
    });
  });

// ---- comparing results exactly ----

/** Entries in order, recursively, with -0 and undefined kept apart, and whether each object is frozen. */
function exact(value: unknown): unknown {
  if (typeof value === "number" && Object.is(value, -0)) return "-0";
  if (typeof value !== "object" || value === null) return value;
  return { frozen: Object.isFrozen(value), array: Array.isArray(value), entries: Object.keys(value).map((key) => [key, exact((value as Record<string, unknown>)[key])]) };
}

function outcome(run: () => unknown): unknown {
  try {
    return { ok: exact(run()) };
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    return { code: error.code, issues: error.issues };
  }
}

describe("parseTicketLog fast path", () => {
  test.prop([eventArb, fc.boolean()], { numRuns: numRuns(4000) })("accepts only what the schema accepts, and builds exactly its output", (raw, custom) => {
    const statusMap = custom ? CUSTOM : CANONICAL;
    const fast = parseTicketEventFast(raw, statusMap);
    if (fast === undefined) return;
    // The fast path must be right on its own: the schema path accepts the event and gives the same object.
    expect(exact(fast)).toStrictEqual(exact(parseTicketEventWithSchema(raw, 0, statusMap)));
    if (!custom) expect(exact(fast)).toStrictEqual(exact(TicketEventSchema.parse(raw)));
  });

  test.prop([eventArb, fc.boolean()], { numRuns: numRuns(4000) })("fast path + fallback gives the same event or the same error as the schema path", (raw, custom) => {
    const statusMap = custom ? CUSTOM : CANONICAL;
    const created = { id: "\u0000c", at: -8_640_000_000_000_000, type: "created", by: "customer" };
    expect(outcome(() => parseTicketEvents([created, raw], statusMap, true))).toStrictEqual(outcome(() => parseTicketEvents([created, raw], statusMap, false)));
    expect(outcome(() => parseTicketEvents([raw], statusMap, true))).toStrictEqual(outcome(() => parseTicketEvents([raw], statusMap, false)));
  });

  const generated = generateTicketLogs({ count: 300, seed: 11 });
  const generatedIso = generateTicketLogs({ count: 300, seed: 11, timeFormat: "iso", timeZone: "America/St_Johns" });
  test.prop([fc.nat(299), fc.boolean(), fc.nat(), eventArb, fc.constantFrom("replace", "insert"), fc.boolean()], { numRuns: numRuns(2000) })(
    "whole logs with one random event: the same log or the same first error",
    (which, iso, at, raw, how, custom) => {
      const events = [...((iso ? generatedIso : generated)[which]?.events ?? [])] as unknown[];
      const i = at % (events.length + (how === "insert" ? 1 : 0));
      events.splice(i, how === "replace" ? 1 : 0, raw);
      const statusMap = custom ? CUSTOM : CANONICAL;
      expect(outcome(() => parseTicketEvents(events, statusMap, true))).toStrictEqual(outcome(() => parseTicketEvents(events, statusMap, false)));
    },
  );

  it("takes the common shapes itself (the fallback is for what is odd or wrong)", () => {
    let taken = 0;
    let events = 0;
    for (const log of [...generated, ...generatedIso]) {
      for (const event of log.events) {
        events += 1;
        if (parseTicketEventFast(event, CANONICAL) !== undefined) taken += 1;
      }
    }
    expect(taken).toBe(events);
  });

  it("leaves a too-deep meta to the depth guard, which reports it at its place", () => {
    const deep = { id: "c", at: 0, type: "created", by: "customer", meta: { deep: nested(200) } };
    expect(parseTicketEventFast(deep, CANONICAL)).toBeUndefined();
    const result = outcome(() => parseTicketEvents([deep], CANONICAL, true)) as { code: string; issues: Array<{ code: string; path: unknown[] }> };
    expect(result.code).toBe("invalid_ticket_log");
    expect(result.issues[0]?.code).toBe("too_deep");
    expect(result.issues[0]?.path.slice(0, 3)).toStrictEqual([0, "meta", "deep"]);
  });

  it("copies meta like the schema: own enumerable keys, no __proto__, a fresh object", () => {
    const meta = JSON.parse('{"__proto__": {"polluted": true}, "b": 1, "1": 2}') as Record<string, unknown>;
    const parsed = parseTicketEventFast({ id: "c", at: 0, type: "created", by: "customer", meta }, CANONICAL) as TicketEvent & { meta: object };
    expect(parsed.meta).not.toBe(meta);
    expect(Object.keys(parsed.meta)).toStrictEqual(["1", "b"]);
    expect(Object.getPrototypeOf(parsed.meta)).toBe(Object.prototype);
  });
});
