import { thrownBy } from "@supportops/test-utils";
import { describe, expect, test } from "vitest";
import { EscalationError, MAX_TEXT_CHARS, createEscalationPackage, toOpsgenieAlert } from "@supportops/escalation";
import { NOW, fullBug, minimalQuestion } from "./fixtures.js";

const pkg = createEscalationPackage({ ...fullBug, evidence: [{ ...fullBug.evidence[0], uri: "https://logs.example.com/q/1" }] }, { now: NOW });

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
        priority: "P2",
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

  test("Opsgenie's P1–P5 come from the priority's rank: the most urgent is P1, the fifth and later P5", () => {
    const alertPriority = (priority: string, priorities: ReadonlyArray<string>) =>
      toOpsgenieAlert(createEscalationPackage({ ...minimalQuestion, priority }, { now: NOW, priorities }), { priorities }).priority;
    expect(["Urgent", "Soon", "Later"].map((p) => alertPriority(p, ["Urgent", "Soon", "Later"]))).toStrictEqual(["P1", "P2", "P3"]);
    const many = ["a", "b", "c", "d", "e", "f", "g"];
    expect(many.map((p) => alertPriority(p, many))).toStrictEqual(["P1", "P2", "P3", "P4", "P5", "P5", "P5"]);
  });

  test("invalid_argument: a priority the labels lack, malformed options; invalid_package: not a package", () => {
    const question = createEscalationPackage(minimalQuestion, { now: NOW });
    const unknown = thrownBy(EscalationError, () => toOpsgenieAlert(question, { priorities: ["High", "Low"] } as never));
    expect([unknown.code, unknown.issues[0].code, unknown.issues[0].path]).toStrictEqual(["invalid_argument", "unknown_priority", ["priority"]]);
    const malformed = thrownBy(EscalationError, () => toOpsgenieAlert(question, { responders: "payments" } as never));
    expect([malformed.code, malformed.issues[0].path]).toStrictEqual(["invalid_argument", ["responders"]]);
    const notAPackage = thrownBy(EscalationError, () => toOpsgenieAlert({ summary: "x" } as never));
    expect(notAPackage.code).toBe("invalid_package");
  });
});
