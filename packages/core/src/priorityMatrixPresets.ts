import { createPriorityMatrix, type PriorityMatrix } from "./createPriorityMatrix.js";

const SERVICENOW_LEVELS = ["1 - High", "2 - Medium", "3 - Low"] as const;
const SERVICENOW_PRIORITIES = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"] as const;

/**
 * ServiceNow's default impact × urgency → priority data lookup for problems: 3 × 3 → 5 levels,
 * `P = I + U − 1`. Source: ServiceNow docs, "Data lookup for prioritizing problems".
 *
 * | impact \ urgency | 1 - High | 2 - Medium | 3 - Low |
 * | --- | --- | --- | --- |
 * | 1 - High | 1 - Critical | 2 - High | 3 - Moderate |
 * | 2 - Medium | 2 - High | 3 - Moderate | 4 - Low |
 * | 3 - Low | 3 - Moderate | 4 - Low | 5 - Planning |
 *
 * @example
 * SERVICENOW_PRIORITY_MATRIX.lookup("2 - Medium", "1 - High"); // => "2 - High"
 * SERVICENOW_PRIORITY_MATRIX.lookup("3 - Low", "3 - Low");     // => "5 - Planning"
 */
export const SERVICENOW_PRIORITY_MATRIX: PriorityMatrix<
  "1 - High" | "2 - Medium" | "3 - Low",
  "1 - High" | "2 - Medium" | "3 - Low",
  "1 - Critical" | "2 - High" | "3 - Moderate" | "4 - Low" | "5 - Planning"
> = createPriorityMatrix({
  impact: SERVICENOW_LEVELS,
  urgency: SERVICENOW_LEVELS,
  priorities: SERVICENOW_PRIORITIES,
  table: {
    "1 - High": { "1 - High": "1 - Critical", "2 - Medium": "2 - High", "3 - Low": "3 - Moderate" },
    "2 - Medium": { "1 - High": "2 - High", "2 - Medium": "3 - Moderate", "3 - Low": "4 - Low" },
    "3 - Low": { "1 - High": "3 - Moderate", "2 - Medium": "4 - Low", "3 - Low": "5 - Planning" },
  },
});

/**
 * ServiceNow's *sample* incident priority lookup rules: the problem table capped at `4 - Low`
 * (`P = min(I + U − 1, 4)`), so `5 - Planning` is declared but never produced
 * (see {@link PriorityMatrix.unusedPriorities}). Source: ServiceNow docs, "Define priority lookup rules".
 *
 * @example
 * SERVICENOW_INCIDENT_PRIORITY_MATRIX.lookup("3 - Low", "3 - Low"); // => "4 - Low"
 * SERVICENOW_INCIDENT_PRIORITY_MATRIX.unusedPriorities;            // => ["5 - Planning"]
 */
export const SERVICENOW_INCIDENT_PRIORITY_MATRIX: PriorityMatrix<
  "1 - High" | "2 - Medium" | "3 - Low",
  "1 - High" | "2 - Medium" | "3 - Low",
  "1 - Critical" | "2 - High" | "3 - Moderate" | "4 - Low" | "5 - Planning"
> = createPriorityMatrix({
  impact: SERVICENOW_LEVELS,
  urgency: SERVICENOW_LEVELS,
  priorities: SERVICENOW_PRIORITIES,
  table: {
    "1 - High": { "1 - High": "1 - Critical", "2 - Medium": "2 - High", "3 - Low": "3 - Moderate" },
    "2 - Medium": { "1 - High": "2 - High", "2 - Medium": "3 - Moderate", "3 - Low": "4 - Low" },
    "3 - Low": { "1 - High": "3 - Moderate", "2 - Medium": "4 - Low", "3 - Low": "4 - Low" },
  },
});

/**
 * A 4 × 4 impact × urgency → P1–P4 table as published in the van Pelt Consulting ITIL knowledge base
 * ("Priority (ITIL)"). Impact: extensive/widespread, significant/large, moderate/limited,
 * minor/localized. Urgency: critical, high, medium, low.
 *
 * | impact \ urgency | critical | high | medium | low |
 * | --- | --- | --- | --- | --- |
 * | extensive | P1 | P1 | P2 | P4 |
 * | significant | P1 | P2 | P3 | P4 |
 * | moderate | P2 | P2 | P3 | P4 |
 * | minor | P2 | P3 | P3 | P4 |
 *
 * @example
 * ITIL_4X4_PRIORITY_MATRIX.lookup("significant", "high"); // => "P2"
 */
export const ITIL_4X4_PRIORITY_MATRIX: PriorityMatrix<"extensive" | "significant" | "moderate" | "minor", "critical" | "high" | "medium" | "low", "P1" | "P2" | "P3" | "P4"> =
  createPriorityMatrix({
    impact: ["extensive", "significant", "moderate", "minor"],
    urgency: ["critical", "high", "medium", "low"],
    priorities: ["P1", "P2", "P3", "P4"],
    table: {
      extensive: { critical: "P1", high: "P1", medium: "P2", low: "P4" },
      significant: { critical: "P1", high: "P2", medium: "P3", low: "P4" },
      moderate: { critical: "P2", high: "P2", medium: "P3", low: "P4" },
      minor: { critical: "P2", high: "P3", medium: "P3", low: "P4" },
    },
  });

/**
 * The one cell in which {@link JSM_PRIORITY_MATRIX} differs from Atlassian's published example, and
 * why. As published, the minor row reads Medium, Low, **Lowest**, **Low**, Lowest: medium urgency
 * gives a *less* urgent priority than low urgency, which no monotone table allows.
 *
 * Two single-cell, one-step fixes exist: raise minor × medium from Lowest to Low, or lower minor × low
 * from Low to Lowest. We raise minor × medium, because (1) when unsure between two levels, take the
 * higher one (PagerDuty's "assume the worst"), so the fix never deprioritises a ticket that the
 * published table ranks higher, and (2) in every other row the low-urgency column is Low and the
 * lowest-urgency column is Lowest; raising keeps both columns constant, lowering would break the low
 * column.
 *
 * @example
 * JSM_PRIORITY_MATRIX_FIX.published; // => "Lowest"
 * JSM_PRIORITY_MATRIX_FIX.fixed;     // => "Low"
 */
export const JSM_PRIORITY_MATRIX_FIX: {
  readonly impact: "minor";
  readonly urgency: "medium";
  readonly published: "Lowest";
  readonly fixed: "Low";
} = Object.freeze({ impact: "minor", urgency: "medium", published: "Lowest", fixed: "Low" });

/**
 * The Atlassian Jira Service Management example 4 × 5 impact × urgency → priority table, with its
 * non-monotone minor row fixed by the smallest change: minor × medium raised from Lowest to Low
 * (see {@link JSM_PRIORITY_MATRIX_FIX} for why). Source: Atlassian support, "How do I create a matrix
 * using impact and urgency values". Priority labels are JSM's default names.
 *
 * | impact \ urgency | critical | high | medium | low | lowest |
 * | --- | --- | --- | --- | --- | --- |
 * | extensive | Highest | High | Medium | Low | Lowest |
 * | significant | Highest | High | Medium | Low | Lowest |
 * | moderate | High | Medium | Low | Low | Lowest |
 * | minor | Medium | Low | **Low** (published: Lowest) | Low | Lowest |
 *
 * @example
 * JSM_PRIORITY_MATRIX.lookup("minor", "medium"); // => "Low"
 * JSM_PRIORITY_MATRIX.lookup("extensive", "critical"); // => "Highest"
 */
export const JSM_PRIORITY_MATRIX: PriorityMatrix<
  "extensive" | "significant" | "moderate" | "minor",
  "critical" | "high" | "medium" | "low" | "lowest",
  "Highest" | "High" | "Medium" | "Low" | "Lowest"
> = createPriorityMatrix({
  impact: ["extensive", "significant", "moderate", "minor"],
  urgency: ["critical", "high", "medium", "low", "lowest"],
  priorities: ["Highest", "High", "Medium", "Low", "Lowest"],
  table: {
    extensive: { critical: "Highest", high: "High", medium: "Medium", low: "Low", lowest: "Lowest" },
    significant: { critical: "Highest", high: "High", medium: "Medium", low: "Low", lowest: "Lowest" },
    moderate: { critical: "High", high: "Medium", medium: "Low", low: "Low", lowest: "Lowest" },
    minor: { critical: "Medium", high: "Low", medium: JSM_PRIORITY_MATRIX_FIX.fixed, low: "Low", lowest: "Lowest" },
  },
});
