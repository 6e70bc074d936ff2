// The supportops demo: one section per package, on bundled sample data. Run with `pnpm demo`.
import { coreDemo } from "./core.js";
import { escalationDemo } from "./escalation.js";
import { findingsDemo } from "./findings.js";
import { metricsDemo } from "./metrics.js";
import { severityDemo } from "./severity.js";
import { slaDemo } from "./sla.js";
import { slaClocksDemo } from "./slaClocks.js";
import { taxonomyDemo } from "./taxonomy.js";

const sections: Array<[string, () => string[]]> = [
  ["Severity and priority (@supportops/core)", severityDemo],
  ["Ticket event log (@supportops/core)", coreDemo],
  ["Business calendars (@supportops/sla)", slaDemo],
  ["SLA clocks and the risk-ranked worklist (@supportops/sla)", slaClocksDemo],
  ["Ticket taxonomy (@supportops/taxonomy)", taxonomyDemo],
  ["Escalation packages (@supportops/escalation)", escalationDemo],
  ["Support KPIs (@supportops/metrics)", metricsDemo],
  ["What changed, and the top drivers (@supportops/metrics)", findingsDemo],
];

for (const [title, run] of sections) {
  console.log(`\n## ${title}\n`);
  for (const line of run()) console.log(line);
}
