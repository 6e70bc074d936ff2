import type { SlaCondition } from "@supportops/sla";

/** ServiceNow fields that become supportops ticket attributes; every other field keeps its name. */
const FIELDS: Readonly<Record<string, string>> = {
  priority: "priority",
  assignment_group: "group",
  assigned_to: "agent",
  incident_state: "state",
};

const TERM = /^([a-z_][a-z0-9_]*)(!=|=|NOT IN|IN|ISNOTEMPTY|ISEMPTY|ANYTHING)(.*)$/s;

/**
 * An encoded query (`priority=1^state=2^ORstate=3^EQ`) as a supportops condition, for the subset the
 * importer reads: `=`, `!=`, `IN`, `NOT IN`, `ISEMPTY`, `ISNOTEMPTY`, `ANYTHING`, joined by `^` (and),
 * `^OR` (or, binding tighter than `^`) and `^NQ` (a new or-group). Fields are compared as the strings
 * ServiceNow stores (`state` "6"). Returns the offending term when any is outside the subset (another
 * operator, a dot-walked field such as `caller_id.vip`, a `javascript:` value).
 */
export function conditionFromEncodedQuery(query: string): { readonly condition: SlaCondition } | { readonly unsupported: string } {
  const body = query.replace(/\^EQ$/, "").trim();
  if (body === "") return { condition: { all: [] } };
  const groups = body.split("^NQ").map((group) => {
    const ands: SlaCondition[][] = [];
    for (const token of group.split("^")) {
      if (token === "" || token.startsWith("ORDERBY")) continue;
      const isOr = token.startsWith("OR") && ands.length > 0;
      const term = termOf(isOr ? token.slice(2) : token);
      if (term === null) return { unsupported: token };
      if (isOr) ands[ands.length - 1]?.push(term);
      else ands.push([term]);
    }
    return { condition: { all: ands.map((ors) => (ors.length === 1 ? (ors[0] as SlaCondition) : { any: ors })) } as SlaCondition };
  });
  const bad = groups.find((g): g is { unsupported: string } => "unsupported" in g);
  if (bad !== undefined) return bad;
  const conditions = groups.map((g) => (g as { condition: SlaCondition }).condition);
  return { condition: conditions.length === 1 ? (conditions[0] as SlaCondition) : { any: conditions } };
}

function termOf(text: string): SlaCondition | null {
  const match = TERM.exec(text);
  if (match === null) return null;
  const [, rawField = "", operator, value = ""] = match;
  if (value.startsWith("javascript:")) return null;
  const field = FIELDS[rawField] ?? rawField;
  const empty: SlaCondition = { any: [{ not: { field, exists: true } }, { field, equals: "" }] };
  switch (operator) {
    case "=":
      return { field, equals: value };
    case "!=":
      return { not: { field, equals: value } };
    case "IN":
      return { field, in: value.split(",") };
    case "NOT IN":
      return { not: { field, in: value.split(",") } };
    case "ISEMPTY":
      return value === "" ? empty : null;
    case "ISNOTEMPTY":
      return value === "" ? { not: empty } : null;
    case "ANYTHING":
      return value === "" ? { all: [] } : null;
    default:
      return null;
  }
}
