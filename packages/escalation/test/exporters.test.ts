import { describe, expect, test } from "vitest";
import { EscalationError, MAX_TEXT_CHARS, createEscalationPackage, toOpsgenieAlert, toPagerDutyEvent } from "@supportops/escalation";
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

  test("invalid_export_options: no routing key; acknowledge without a dedup key", () => {
    const question = createEscalationPackage(minimalQuestion, { now: NOW });
    for (const [options, path] of [
      [{ routingKey: " " }, ["routingKey"]],
      [{ routingKey: "R0UT1NGK3Y", action: "acknowledge" as const }, ["action"]],
    ] as const) {
      try {
        toPagerDutyEvent(question, options);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EscalationError);
        expect([(error as EscalationError).code, (error as EscalationError).issues[0].path]).toStrictEqual(["invalid_export_options", path]);
      }
    }
  });
});

describe("toOpsgenieAlert", () => {
  test("an alert within Opsgenie's limits", () => {
    const alert = toOpsgenieAlert(pkg, { responders: [{ type: "team", name: "payments" }] });
    expect({ ...alert, description: alert.description.split("\n")[0] }).toStrictEqual({
      message: "Checkout returns HTTP 500 for carts with a discount code in eu-west",
      alias: "checkout-500-eu-west",
      description: "[SEV2/P2] Checkout returns HTTP 500 for carts with a discount code in eu-west",
      priority: "P2",
      responders: [{ type: "team", name: "payments" }],
      tags: ["bug", "SEV2", "production", "checkout"],
      details: {
        ticket: "ZD-48213",
        severity: "SEV2",
        target: "engineering",
        ask: fullBug.ask,
        reported_at: "2026-03-09T14:05:00Z",
        customers_affected: "42",
        release: "2026.03.2",
        trace_ids: "4bf92f3577b34da6a3ce929d0e0e4736",
      },
      entity: "checkout",
    });
  });

  test("long values are cut to the limits, with an ellipsis", () => {
    const long = createEscalationPackage(
      { ...fullBug, summary: `${"Checkout fails ".repeat(13)}end`, dedupKey: "k".repeat(255), expected: "e ".repeat(MAX_TEXT_CHARS / 2), actual: "a ".repeat(MAX_TEXT_CHARS / 2) },
      { now: NOW },
    );
    const alert = toOpsgenieAlert(long);
    expect([alert.message.length, alert.message.endsWith("…"), alert.alias?.length, alert.description.length]).toStrictEqual([130, true, 250, 15_000]);
  });
});
