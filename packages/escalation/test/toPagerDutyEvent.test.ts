import { ATLASSIAN_SEVERITY_LADDER, PAGERDUTY_SEVERITY_LADDER, type SeverityLadder } from "@supportops/core";
import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import { EscalationError, createEscalationPackage, toPagerDutyEvent, type PagerDutyEventOptions } from "@supportops/escalation";
import { NOW, fullBug, minimalQuestion } from "./fixtures.js";

const pkg = createEscalationPackage({ ...fullBug, evidence: [{ ...fullBug.evidence[0], uri: "https://logs.example.com/q/1" }] }, { now: NOW });

describe("toPagerDutyEvent", () => {
  test("a trigger event", () => {
    expect(toPagerDutyEvent(pkg, { routingKey: "R0UT1NGK3Y", client: "helpdesk", clientUrl: "https://help.example.com/t/ZD-48213" })).toStrictEqual({
      routing_key: "R0UT1NGK3Y",
      event_action: "trigger",
      dedup_key: "checkout-500-eu-west",
      client: "helpdesk",
      client_url: "https://help.example.com/t/ZD-48213",
      links: [{ href: "https://logs.example.com/q/1", text: "pricing-api stack trace" }],
      payload: {
        summary: "[SEV2/P2] Checkout returns HTTP 500 for carts with a discount code in eu-west",
        source: "checkout",
        severity: "error",
        timestamp: "2026-03-09T08:12:00Z",
        component: "pricing-api",
        group: "production",
        class: "bug",
        custom_details: {
          ticket: "ZD-48213",
          priority: "P2",
          target: "engineering",
          ask: fullBug.ask,
          impact: fullBug.impact,
          release: "2026.03.2",
          correlation: fullBug.correlation,
          reported_at: "2026-03-09T14:05:00Z",
        },
      },
    });
  });

  test("acknowledge and resolve carry only the dedup key", () => {
    expect(toPagerDutyEvent(pkg, { routingKey: "R0UT1NGK3Y", action: "resolve" })).toStrictEqual({
      routing_key: "R0UT1NGK3Y",
      event_action: "resolve",
      dedup_key: "checkout-500-eu-west",
    });
  });

  test.each<readonly [string, unknown, string, ReadonlyArray<string | number>]>([
    ["an empty routing key", { routingKey: " " }, "custom", ["routingKey"]],
    ["acknowledge without a dedup key", { routingKey: "R0UT1NGK3Y", action: "acknowledge" }, "missing_dedup_key", ["action"]],
    ["an unknown action", { routingKey: "R0UT1NGK3Y", action: "snooze" }, "invalid_value", ["action"]],
    ["no options", undefined, "invalid_type", []],
    ["a severity the ladder lacks", { routingKey: "R0UT1NGK3Y", severityLadder: ATLASSIAN_SEVERITY_LADDER }, "unknown_severity", ["severity"]],
  ])("invalid_argument: %s", (_name, options, code, path) => {
    const question = createEscalationPackage(minimalQuestion, { now: NOW }); // a SEV4
    const error = thrownBy(EscalationError, () => toPagerDutyEvent(question, options as PagerDutyEventOptions));
    expect([error.code, error.issues[0].code, error.issues[0].path]).toStrictEqual(["invalid_argument", code, path]);
  });

  test("the severity follows its rank on the ladder: critical, error, warning, then info", () => {
    const severityOf = (severity: string, ladder = PAGERDUTY_SEVERITY_LADDER as SeverityLadder<string>) =>
      toPagerDutyEvent(createEscalationPackage({ ...minimalQuestion, severity }, { now: NOW, severityLadder: ladder }), { routingKey: "k", severityLadder: ladder }).payload?.severity;
    expect(["SEV3", "SEV4", "SEV5"].map((s) => severityOf(s))).toStrictEqual(["warning", "info", "info"]);
    expect(severityOf("SEV3", ATLASSIAN_SEVERITY_LADDER)).toBe("warning");
  });

  test("a package that is not one is invalid_package", () => {
    const error = thrownBy(EscalationError, () => toPagerDutyEvent(null as never, { routingKey: "k" }));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_package", []]);
  });
});

describe("toPagerDutyEvent with hostile input", () => {
  test.each(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://files.example.com", "//evil.example"])(
    "a clientUrl that is not http(s) is invalid_argument: %j",
    (clientUrl) => {
      const error = thrownBy(EscalationError, () => toPagerDutyEvent(pkg, { routingKey: "R0UT1NGK3Y", clientUrl }));
      expect([error.code, error.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_argument", [["invalid_format", ["clientUrl"]]]]);
    },
  );

  test("links come only from http(s) evidence URIs: a hand-made package with a javascript: URI is invalid_package", () => {
    const created = createEscalationPackage(fullBug, { now: NOW });
    const handMade = { ...JSON.parse(JSON.stringify(created)), evidence: [{ ...fullBug.evidence[0], uri: "javascript:alert(1)" }] } as typeof created;
    const error = thrownBy(EscalationError, () => toPagerDutyEvent(handMade, { routingKey: "R0UT1NGK3Y" }));
    expect([error.code, error.issues.map((i) => i.path)]).toStrictEqual(["invalid_package", [["evidence", 0, "uri"]]]);
  });

  test("times are UTC ISO-8601, whatever form the package stored them in", () => {
    const stored = { ...fullBug, firstSeenAt: "2026-03-09T09:12:00+01:00", reportedAt: Date.parse(fullBug.reportedAt) };
    const event = toPagerDutyEvent(stored as never, { routingKey: "R0UT1NGK3Y" });
    expect([event.payload?.timestamp, event.payload?.custom_details["reported_at"]]).toStrictEqual(["2026-03-09T08:12:00Z", "2026-03-09T14:05:00Z"]);
  });
});
