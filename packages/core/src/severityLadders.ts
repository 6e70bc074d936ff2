import { createSeverityLadder, type SeverityLadder } from "./createSeverityLadder.js";

/**
 * PagerDuty's incident-response severity ladder, SEV1 (most severe) to SEV5, paraphrased from the
 * PagerDuty Incident Response guide ("Severity levels"). SEV1 and SEV2 are major incidents. The guide
 * adds: when unsure between two levels, take the higher one; and make your own definitions
 * metric-driven (e.g. the share of users or accounts affected). No priority mapping is attached:
 * PagerDuty's priorities are set per account; add one with
 * `createSeverityLadder({ ...PAGERDUTY_SEVERITY_LADDER.toJSON(), priorities, toPriority })`.
 *
 * @example
 * PAGERDUTY_SEVERITY_LADDER.ids; // => ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]
 * PAGERDUTY_SEVERITY_LADDER.level("SEV2").majorIncident; // => true
 */
export const PAGERDUTY_SEVERITY_LADDER: SeverityLadder<"SEV1" | "SEV2" | "SEV3" | "SEV4" | "SEV5"> = createSeverityLadder({
  name: "PagerDuty",
  source: "https://response.pagerduty.com/before/severity_levels/",
  levels: [
    {
      id: "SEV1",
      label: "SEV-1",
      description:
        "Critical issue that warrants public notification and liaison with executive teams: a large number of customers actively impacted, severe impairment running long enough to break SLAs, or a security vulnerability exposing customer data.",
      response: "Major incident response: page an incident commander, notify stakeholders, post a public notice.",
      majorIncident: true,
    },
    {
      id: "SEV2",
      label: "SEV-2",
      description: "Critical system issue actively impacting many customers' ability to use the product, such as a severely impaired core pipeline, web app or monitoring.",
      response: "Major incident response: page an incident commander.",
      majorIncident: true,
    },
    {
      id: "SEV3",
      label: "SEV-3",
      description:
        "Stability or minor customer-impacting issue that needs immediate attention from service owners: partial loss of functionality not affecting most customers, lost redundancy; likely to become SEV-2 if nothing is done.",
      response: "High-urgency page to the service team; roll back if a deploy is implicated; watch for escalation.",
    },
    {
      id: "SEV4",
      label: "SEV-4",
      description: "Minor issue that needs action but does not affect customers' ability to use the product: performance delays, a single host failure, failed cron jobs or delayed jobs.",
      response: "Low-urgency page; handled ahead of normal work.",
    },
    {
      id: "SEV5",
      label: "SEV-5",
      description: "Cosmetic issues or bugs that do not affect the immediate ability to use the system.",
      response: "A ticket in the tracker.",
    },
  ],
});

/**
 * Atlassian's incident-management severity ladder, SEV1 to SEV3, paraphrased from the Atlassian
 * Incident Management Handbook ("Severity levels"). SEV1 and SEV2 page on-call around the clock;
 * SEV3 can wait for working hours.
 *
 * @example
 * ATLASSIAN_SEVERITY_LADDER.ids; // => ["SEV1", "SEV2", "SEV3"]
 * ATLASSIAN_SEVERITY_LADDER.compare("SEV3", "SEV1") > 0; // => true
 */
export const ATLASSIAN_SEVERITY_LADDER: SeverityLadder<"SEV1" | "SEV2" | "SEV3"> = createSeverityLadder({
  name: "Atlassian",
  source: "https://www.atlassian.com/incident-management/kpis/severity-levels",
  levels: [
    {
      id: "SEV1",
      label: "SEV 1",
      description: "Critical incident with very high impact: a customer-facing service down for all customers, customer data loss, or a security breach.",
      response: "Page on-call around the clock.",
      majorIncident: true,
    },
    {
      id: "SEV2",
      label: "SEV 2",
      description: "Major incident with significant impact: a customer-facing service down for a subset of customers, or a critical function not working.",
      response: "Page on-call around the clock.",
      majorIncident: true,
    },
    {
      id: "SEV3",
      label: "SEV 3",
      description: "Minor incident with low impact.",
      response: "Handled in working hours.",
    },
  ],
});
