/**
 * A taxonomy audit, the way a support-operations lead runs one each quarter: load the current taxonomy
 * (CSV, one column per level) and the previous one (JSON), validate a batch of classified tickets,
 * migrate the ones made against the old version, then score the agents' classifications against an
 * auditor's, check the taxonomy's health and export it back to CSV for the team's spreadsheet.
 */
import { readFileSync } from "node:fs";
import { formatIssues } from "@supportops/core";
import {
  auditAccuracy,
  checkTaxonomyHealth,
  createTaxonomy,
  diffTaxonomies,
  parseTaxonomyJson,
  taxonomyFromCsv,
  taxonomyToCsv,
} from "@supportops/taxonomy";
import type { Classification, TaxonomyDefinition } from "@supportops/taxonomy";

interface Ticket {
  readonly id: string;
  readonly status: string;
  readonly classification: Classification;
  /** The auditor's code for the ticket, in the current version. */
  readonly audited: string;
}

const read = (name: string): string => readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8");
const pct = (x: number | null): string => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

/** What the CSV cannot hold: closure codes, status rules and a category-specific field. */
const SETTINGS: Omit<TaxonomyDefinition, "nodes"> = {
  id: "support",
  version: "2026.1",
  closureCodes: [
    { code: "fixed", label: "Solution provided" },
    { code: "duplicate", label: "Duplicate", requires: ["duplicateOf"] },
    { code: "known_error", label: "Known error", requires: ["knownErrorRef"] },
  ],
  rules: [
    { when: { status: ["solved", "closed"] }, require: ["closureCode", "resolutionNotes"] },
    { when: { codes: ["access.sso"] }, require: ["identityProvider"] },
  ],
};

/** Runs the audit on the bundled data and returns the report, one line per entry. */
export function runAudit(): string[] {
  const out: string[] = [];
  const current = createTaxonomy(taxonomyFromCsv(read("taxonomy-2026.1.csv"), SETTINGS));
  const previous = parseTaxonomyJson(read("taxonomy-2025.4.json"));
  const tickets = JSON.parse(read("tickets.json")) as Ticket[];
  out.push(`Taxonomy ${current.id} ${current.version}: ${current.nodes.length} nodes, ${current.leaves().length} selectable leaves`);

  // 1. Old tickets: re-map them onto the current version (codes are stable; merges re-map; the rest go to review).
  const diff = diffTaxonomies(previous, current);
  out.push("", `Changes ${diff.fromVersion} → ${diff.toVersion}:`);
  out.push(`  added ${diff.added.join(", ") || "none"}; removed ${diff.removed.join(", ") || "none"}`);
  out.push(`  renamed ${diff.renamed.map((r) => `${r.code} (${r.from} → ${r.to})`).join(", ") || "none"}`);
  out.push(`  deprecated ${diff.deprecated.map((d) => `${d.code} → ${d.replacedBy.join(" | ") || d.reason}`).join(", ") || "none"}`);
  const batch: Ticket[] = [];
  for (const ticket of tickets) {
    if (ticket.classification.version !== previous.version) {
      batch.push(ticket);
      continue;
    }
    const result = current.migrate(ticket.classification, diff);
    if (result.kind === "review") {
      out.push(`  ${ticket.id}: needs review: ${result.reason}`);
      continue;
    }
    if (result.kind === "remapped") out.push(`  ${ticket.id}: ${result.from} → ${result.classification.code}`);
    batch.push({ ...ticket, classification: result.classification });
  }

  // 2. Validate: old tickets as history, current ones as they stand at their status.
  out.push("", "Validation:");
  const valid: Ticket[] = [];
  for (const ticket of batch) {
    // Migrated tickets are history; current ones are checked as if chosen today, so deprecated and
    // internal choices show up.
    const migrated = tickets.find((t) => t.id === ticket.id)!.classification.version !== current.version;
    const result = current.validate(ticket.classification, { mode: migrated ? "historical" : "create", status: ticket.status });
    if (result.success) valid.push(ticket);
    else out.push(...formatIssues(result.error.issues).split("\n").map((line) => `  ${ticket.id}: ${line}`));
  }
  out.push(`  ${valid.length} of ${batch.length} classifications are valid`);

  // 3. Accuracy: the agents' codes against the auditor's, over the tickets whose code is known.
  const pairs = batch.filter((t) => current.has(t.classification.code)).map((t) => ({ assigned: t.classification.code, audited: t.audited }));
  const audit = auditAccuracy(pairs, { taxonomy: current });
  out.push("", `Accuracy (leaf): ${pct(audit.accuracy)} of ${audit.n} (95% CI ${pct(audit.interval?.lower ?? null)}–${pct(audit.interval?.upper ?? null)}), Cohen's κ ${audit.kappa?.toFixed(3) ?? "n/a"}`);
  out.push(`Per level: ${audit.perLevel.map((l) => `L${l.level} ${pct(l.accuracy)}`).join(", ")}`);
  out.push("Per class (precision / recall, n audited):");
  for (const c of audit.perClass) out.push(`  ${current.node(c.code)!.labelPath.padEnd(30)} ${pct(c.precision).padStart(6)} / ${pct(c.recall).padStart(6)}  n=${c.support}`);

  // 4. Health: other-bucket share, unused categories, near-duplicate labels, too many leaves.
  const health = checkTaxonomyHealth(current, batch.map((t) => t.classification), { otherShareThreshold: 0.1 });
  out.push("", "Health:", ...health.warnings.map((w) => `  [${w.code}] ${w.message}`));

  // 5. Hand the tree back to the team as a spreadsheet. Labels come from people: a cell that starts with
  // "=", "+", "-" or "@" would run as a formula, so taxonomyToCsv writes it as text ("'=…"), and
  // taxonomyFromCsv reads it back exactly.
  const csv = taxonomyToCsv(current);
  const back = createTaxonomy(taxonomyFromCsv(csv, SETTINGS));
  const same = JSON.stringify(back.nodes) === JSON.stringify(current.nodes);
  out.push("", `Export: ${csv.split("\r\n").length - 1} CSV rows; read back ${same ? "unchanged" : "CHANGED"}`);
  return out;
}
