// escalationQuality takes what @supportops/escalation's scoreEscalation returns (docs/kpis.md).
import { SERVICENOW_PRIORITY_MATRIX } from "@supportops/core";
import { createEscalationPackage, redact, scoreEscalation } from "@supportops/escalation";
import { describe, expect, it } from "vitest";
import { escalationQuality } from "@supportops/metrics";

describe("escalationQuality over scoreEscalation's scores", () => {
  it("averages the rubric scores and counts those at or above the threshold", () => {
    const base = {
      schemaVersion: "1",
      ticketId: "ZD-48213",
      summary: "CSV exports of archived projects are missing every row after January",
      kind: "data",
      severity: "SEV3",
      priority: "2 - High",
      priorityBasis: { impact: "2 - Medium", urgency: "1 - High" },
      target: "engineering",
      service: "exports",
      environment: "production",
      reproducible: "always",
      reportedAt: "2026-03-09T14:05:00Z",
      impact: { customersAffected: 3, blocked: true, workaroundAvailable: false, trend: "stable" },
      ask: "Restore the missing rows in exports of archived projects before Friday",
      taxonomy: { code: "product.exports", version: "2026-02" },
      businessUrgency: { reason: "Quarter-end reporting is due on Friday", slaState: "at-risk" },
      evidence: [],
      attempts: [{ action: "Looked at it", result: "Still broken" }],
    } as const;
    const { value: excerpt, report } = redact("ERROR export 7f3a failed for jane.doe@example.com");
    const rich = createEscalationPackage(
      {
        ...base,
        id: "01JQ3V8Z6M4K2T9P7R5X1C0B8N",
        evidence: [{ kind: "log", inline: excerpt, capturedAt: "2026-03-09T13:41:00Z", sanitized: true, redactionReport: report }],
        attempts: [{ action: "Exported the same project again", result: "Same rows missing" }],
      },
      { now: "2026-03-09T15:00:00Z", priorityMatrix: SERVICENOW_PRIORITY_MATRIX },
    );
    const bare = createEscalationPackage({ ...base, id: "01JQ3V8Z6M4K2T9P7R5X1C0B8P" }, { now: "2026-03-09T15:00:00Z", priorityMatrix: SERVICENOW_PRIORITY_MATRIX });
    const scores = [scoreEscalation(rich), scoreEscalation(bare)];
    const records = scores.map((score, i) => ({ at: Date.UTC(2026, 2, 9 + i), score }));
    const result = escalationQuality(records, { period: { from: "2026-03-01", to: "2026-04-01" }, threshold: scores[0]!.score });
    expect(scores[0]!.score).toBeGreaterThan(scores[1]!.score);
    expect(result).toMatchObject({ kpi: "escalation_quality", value: (scores[0]!.score + scores[1]!.score) / 2, n: 2, stats: { atOrAboveThreshold: 1, shareAtOrAbove: 0.5 } });
  });
});
