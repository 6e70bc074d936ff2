// Zendesk SLA policies rebuilt from the documented fields (the doc's "Silver Plan", a real
// first_reply_time metric of 61 minutes / 3660 s), run through createSlaEngine.
import { describe, expect, it } from "vitest";
import { createSlaEngine } from "@supportops/sla";
import { thrownBy } from "@supportops/test-utils";
import { InteropError } from "@supportops/interop";
import { calendarFromZendeskSchedule, slaPoliciesFromZendesk } from "@supportops/interop/zendesk";

const support = calendarFromZendeskSchedule({ name: "Support", time_zone: "UTC", intervals: [1, 2, 3, 4, 5].map((d) => ({ start_time: d * 1440 + 540, end_time: d * 1440 + 1020 })) }).definition;
const silver = {
  id: 25,
  url: "https://acme.zendesk.com/api/v2/slas/policies/25.json",
  title: "Silver Plan",
  description: "Organizations: Silver Plan",
  position: 3,
  filter: { all: [{ field: "type", operator: "is", value: "incident" }], any: [{ field: "current_tags", operator: "includes", value: "silver vip" }] },
  policy_metrics: [
    { priority: "urgent", metric: "first_reply_time", target: 30, target_in_seconds: 1800, business_hours: false },
    { priority: "urgent", metric: "requester_wait_time", target: 480, target_in_seconds: 28800, business_hours: true },
    { priority: "high", metric: "first_reply_time", target: 61, business_hours: false, target_in_seconds: 3660 },
    { priority: "low", metric: "next_reply_time", target: 1, target_in_seconds: 15, business_hours: true },
  ],
  created_at: "2015-03-17T22:50:26Z",
  updated_at: "2015-03-17T22:50:26Z",
};
const catchAll = { id: 1, title: "Everyone", position: 9, filter: { all: [], any: [] }, policy_metrics: [{ priority: "normal", metric: "total_resolution_time", target: 2880, business_hours: false }] };

describe("slaPoliciesFromZendesk", () => {
  it("maps metrics, converts targets exactly (seconds win over minutes), keeps business vs calendar per target, orders by position", () => {
    const result = slaPoliciesFromZendesk({ sla_policies: [catchAll, silver] }, { calendar: { name: "support", definition: support } });
    expect(result.definition).toStrictEqual({
      calendars: { support },
      policies: [
        {
          id: "25",
          when: { all: [{ field: "type", equals: "incident" }, { any: [{ any: [{ field: "tags", includes: "silver" }, { field: "tags", includes: "vip" }] }] }] },
          calendar: "support",
          targets: {
            first_response: { urgent: { duration: 1_800_000, calendar: "24x7" }, high: { duration: 3_660_000, calendar: "24x7" } },
            requester_wait: { urgent: 28_800_000 },
            next_response: { low: 15_000 },
          },
        },
        { id: "1", targets: { resolution: { normal: { duration: 172_800_000, calendar: "24x7" } } } },
      ],
    });
    expect(result.source.policies.map((p) => [p.policyId, p.title, p.position])).toStrictEqual([["25", "Silver Plan", 3], ["1", "Everyone", 9]]);
    expect(result.issues).toStrictEqual([]);
    expect(() => createSlaEngine(result.definition)).not.toThrow();
  });

  it("reads priority ranges and is_not, and leaves out a policy with a condition it cannot evaluate, reporting its path", () => {
    const ranged = { ...catchAll, id: 2, position: 1, filter: { all: [{ field: "priority", operator: "less_than", value: "high" }, { field: "group_id", operator: "is_not", value: 360001 }] } };
    const opaque = { ...catchAll, id: 3, position: 2, filter: { all: [{ field: "via_id", operator: "is", value: "4" }], any: [] } };
    const pausable = { ...catchAll, id: 4, position: 3, policy_metrics: [{ priority: "normal", metric: "pausable_update_time", target: 60, business_hours: false }] };
    const result = slaPoliciesFromZendesk([ranged, opaque, pausable]);
    expect(result.definition.policies.map((p) => [p.id, p.when])).toStrictEqual([
      ["2", { all: [{ field: "priority", in: ["low", "normal"] }, { not: { field: "group", equals: "360001" } }] }],
      ["4", undefined],
    ]);
    expect(result.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["unsupported_condition", [1, "filter", "all", 0]],
      ["unsupported_metric", [2, "policy_metrics", 0, "metric"]],
    ]);
    expect(result.source.policies.map((p) => p.policyId)).toStrictEqual(["2", "4"]);
  });

  it("needs the calendar for business-hours targets, and refuses targets that are not positive whole numbers", () => {
    expect(thrownBy(InteropError, () => slaPoliciesFromZendesk([silver])).issues[0].path).toStrictEqual(["calendar"]);
    const zero = { ...catchAll, policy_metrics: [{ priority: "low", metric: "first_reply_time", target: 0, business_hours: false }] };
    const error = thrownBy(InteropError, () => slaPoliciesFromZendesk([zero]));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_vendor_payload", [0, "policy_metrics", 0, "target"]]);
  });
});
