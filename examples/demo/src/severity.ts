import {
  JSM_PRIORITY_MATRIX,
  JSM_PRIORITY_MATRIX_FIX,
  PAGERDUTY_SEVERITY_LADDER,
  SERVICENOW_PRIORITY_MATRIX,
  createImpactRules,
  formatIssues,
  safeCreatePriorityMatrix,
  safeValidateLevelChange,
} from "@supportops/core";

/**
 * The severity & priority part of the demo: a priority looked up from a preset matrix, a published
 * matrix that fails validation, an impact rule raising severity and priority, and a level change
 * rejected for want of a reason. Returns the lines to print.
 */
export function severityDemo(): string[] {
  const lines: string[] = ["Severity and priority are two axes: severity = impact on the service, priority = order of work."];

  // 1. Priority from impact × urgency.
  const priority = SERVICENOW_PRIORITY_MATRIX.lookup("2 - Medium", "1 - High");
  lines.push(`  ServiceNow matrix: impact "2 - Medium" × urgency "1 - High" → priority "${priority}"`);

  // 2. A published vendor table that is out of order is caught, naming the cell.
  const published = JSM_PRIORITY_MATRIX.toJSON();
  const check = safeCreatePriorityMatrix({
    ...published,
    table: { ...published.table, minor: { ...published.table.minor, medium: JSM_PRIORITY_MATRIX_FIX.published } },
  });
  if (!check.success) lines.push(`  Atlassian's example JSM table as published is rejected:`, `    ${formatIssues(check.error.issues)}`);
  lines.push(`  The JSM preset fixes that one cell: minor × medium → "${JSM_PRIORITY_MATRIX.lookup("minor", "medium")}"`);

  // 3. Impact grows: ordered rules raise severity and priority, never lower them.
  const rules = createImpactRules(
    [
      { id: "security", when: { security: true }, raise: { severity: "SEV1", priority: "1 - Critical" } },
      { id: "many-customers", when: { any: [{ affectedCustomers: { gte: 25 } }, { childTickets: { gte: 20 } }] }, raise: { severity: "SEV2", priority: "1 - Critical" } },
      { id: "some-customers", when: { affectedCustomers: { gte: 3 } }, raise: { severity: "SEV3" } },
    ],
    { severityLevels: PAGERDUTY_SEVERITY_LADDER.ids, priorityLevels: SERVICENOW_PRIORITY_MATRIX.priorities },
  );
  const outcome = rules.evaluate({ affectedCustomers: 40, childTickets: 3 }, { severity: "SEV3", priority });
  lines.push(`  The outage now hits 40 customers; rule "${outcome.matched?.id}" fires:`);
  for (const change of outcome.changes) lines.push(`    ${change.type}: ${change.from} → ${change.to} (${change.reason})`);
  const sev2 = PAGERDUTY_SEVERITY_LADDER.level("SEV2");
  lines.push(`    ${sev2.label}${sev2.majorIncident ? " is a major incident" : ""}: ${sev2.response ?? sev2.description}`);

  // 4. Lowering by hand needs a reason.
  const lowered = safeValidateLevelChange({ from: "SEV2", to: "SEV4", source: "manual" }, { levels: PAGERDUTY_SEVERITY_LADDER.ids });
  if (!lowered.success) lines.push(`  Lowering SEV2 → SEV4 by hand without a reason is rejected:`, `    ${formatIssues(lowered.error.issues)}`);
  return lines;
}
