import type { EscalationPackage } from "../../EscalationPackageSchema.js";
import { isoOf } from "../formats.js";

/** A piece of inline content: prose (escaped per format) or an identifier shown as code. */
export type Inline = { readonly text: string } | { readonly code: string };

/** A block of the rendered document; every string in it is untrusted unless it is a label. */
export type Block =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "fields"; readonly rows: ReadonlyArray<readonly [label: string, value: ReadonlyArray<Inline>]> }
  | { readonly kind: "paragraph"; readonly label?: string; readonly text: string }
  | { readonly kind: "list"; readonly ordered: boolean; readonly items: ReadonlyArray<ReadonlyArray<Inline>> }
  | { readonly kind: "code"; readonly label: string; readonly text: string };

const t = (text: string): Inline => ({ text });
const c = (code: string): Inline => ({ code });
const sep = t(", ");

function join(items: ReadonlyArray<Inline>): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [sep, item]));
}

function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}

type Rows = Array<readonly [string, ReadonlyArray<Inline>]>;
type Pkg = EscalationPackage<string, string>;

/** The title and the table of key facts. */
function headerBlocks(pkg: Pkg): Block[] {
  const rows: Rows = [];
  const row = (label: string, ...value: Inline[]): void => {
    rows.push([label, value]);
  };
  row("Ticket", c(pkg.ticketId), ...(pkg.relatedTicketIds?.length ? [t(" (related: "), ...join(pkg.relatedTicketIds.map(c)), t(")")] : []));
  row("Kind", t(pkg.kind));
  row("Severity / priority", t(`${pkg.severity} / ${pkg.priority}`),
    ...(pkg.priorityBasis ? [t(` (impact ${pkg.priorityBasis.impact} × urgency ${pkg.priorityBasis.urgency})`)] : []));
  if (pkg.priorityOverride) row("Priority override", t(pkg.priorityOverride.reason), ...(pkg.priorityOverride.by ? [t(` (by ${pkg.priorityOverride.by})`)] : []));
  row("Target", t(pkg.target));
  row("Service", t(pkg.service), ...(pkg.component ? [t(` / ${pkg.component}`)] : []));
  row("Environment", t(pkg.environment));
  const version = [pkg.release && `release ${pkg.release}`, pkg.buildId && `build ${pkg.buildId}`, pkg.platform && `platform ${pkg.platform}`].filter(Boolean);
  if (version.length > 0) row("Version", t(version.join(", ")));
  if (pkg.configFlags?.length) row("Config flags", ...join(pkg.configFlags.map(c)));
  row("Reproducible", t(pkg.reproducible + (pkg.frequency ? ` (${pkg.frequency})` : "") + (pkg.reproVerifiedBySupport ? ", verified by support" : "")));
  const times = [
    pkg.firstSeenAt === undefined ? undefined : `first seen ${isoOf(pkg.firstSeenAt)}`,
    pkg.lastSeenAt === undefined ? undefined : `last seen ${isoOf(pkg.lastSeenAt)}`,
    `reported ${isoOf(pkg.reportedAt)}`,
  ].filter((time) => time !== undefined);
  row("Times", t(times.join(", ")));
  if (pkg.dedupKey) row("Dedup key", c(pkg.dedupKey));
  row("Taxonomy", c(pkg.taxonomy.code), t(` (version ${pkg.taxonomy.version})`));
  return [{ kind: "title", text: `[${pkg.severity}/${pkg.priority}] ${pkg.summary}` }, { kind: "fields", rows }];
}

/** Impact, then the ask and its urgency. */
function impactAndAskBlocks(pkg: Pkg): Block[] {
  const impact = pkg.impact;
  const impactRows: Rows = [];
  if (impact.customersAffected !== undefined) impactRows.push(["Customers affected", [t(String(impact.customersAffected))]]);
  if (impact.usersAffected !== undefined) impactRows.push(["Users affected", [t(String(impact.usersAffected))]]);
  if (impact.accounts?.length) impactRows.push(["Accounts", join(impact.accounts.map(c))]);
  impactRows.push(["Blocked", [t(yesNo(impact.blocked))]]);
  impactRows.push(["Workaround available", [t(yesNo(impact.workaroundAvailable))]]);
  if (impact.revenueAtRisk) impactRows.push(["Revenue at risk", [t(`${impact.revenueAtRisk.amount} ${impact.revenueAtRisk.currency}`)]]);
  impactRows.push(["Trend", [t(impact.trend)]]);
  const urgency = pkg.businessUrgency;
  return [
    { kind: "heading", text: "Impact" },
    { kind: "fields", rows: impactRows },
    { kind: "heading", text: "The ask" },
    { kind: "paragraph", text: pkg.ask },
    {
      kind: "fields",
      rows: [
        ...(urgency.needBy ? [["Need by", [t(urgency.needBy)]] as const] : []),
        ["Why", [t(urgency.reason)]],
        ["SLA", [t(urgency.slaState)]],
      ],
    },
  ];
}

/** Steps to reproduce, expected and actual, and what has been tried. */
function investigationBlocks(pkg: Pkg): Block[] {
  const blocks: Block[] = [];
  if (pkg.reproSteps?.length) {
    blocks.push({ kind: "heading", text: "Steps to reproduce" });
    blocks.push({ kind: "list", ordered: true, items: pkg.reproSteps.map((step) => [t(step.action)]) });
  }
  if (pkg.expected || pkg.actual || pkg.errorText) {
    blocks.push({ kind: "heading", text: "Expected and actual" });
    if (pkg.expected) blocks.push({ kind: "paragraph", label: "Expected", text: pkg.expected });
    if (pkg.actual) blocks.push({ kind: "paragraph", label: "Actual", text: pkg.actual });
    if (pkg.errorText) blocks.push({ kind: "code", label: "Error", text: pkg.errorText });
  }
  blocks.push({ kind: "heading", text: "What has been tried" });
  blocks.push({ kind: "list", ordered: false, items: pkg.attempts.map((a) => [t(`${a.action} → ${a.result}`)]) });
  if (pkg.ruledOut?.length) blocks.push({ kind: "paragraph", label: "Ruled out", text: pkg.ruledOut.join("; ") });
  if (pkg.workaround) blocks.push({ kind: "paragraph", label: "Workaround", text: pkg.workaround });
  return blocks;
}

/** Correlation ids, when there are any. */
function correlationBlocks(pkg: Pkg): Block[] {
  const corr = pkg.correlation;
  if (!corr || !(corr.traceIds?.length || corr.spanIds?.length || corr.requestIds?.length || corr.eventIds?.length)) return [];
  const corrRows: Rows = [];
  if (corr.traceIds?.length) corrRows.push(["Trace ids", join(corr.traceIds.map(c))]);
  if (corr.spanIds?.length) corrRows.push(["Span ids", join(corr.spanIds.map(c))]);
  if (corr.requestIds?.length) corrRows.push(["Request ids", join(corr.requestIds.map(c))]);
  if (corr.eventIds?.length) corrRows.push(["Event ids", join(corr.eventIds.map(c))]);
  return [{ kind: "heading", text: "Correlation" }, { kind: "fields", rows: corrRows }];
}

/** Each piece of evidence: its facts, its redaction counts and its excerpt. */
function evidenceBlocks(pkg: Pkg): Block[] {
  if (!pkg.evidence?.length) return [];
  const blocks: Block[] = [{ kind: "heading", text: "Evidence" }];
  pkg.evidence.forEach((item, index) => {
    const counts = Object.entries(item.redactionReport?.counts ?? {})
      .filter(([, n]) => n > 0)
      .map(([type, n]) => `${type} ${n}`)
      .join(", ");
    const label = `${index + 1}. ${item.kind}${item.title ? `: ${item.title}` : ""}`;
    blocks.push({
      kind: "fields",
      rows: [
        ["Evidence", [t(label)]],
        ["Captured", [t(isoOf(item.capturedAt))]],
        ...(item.uri ? [["Link", [c(item.uri)]] as const] : []),
        ["Redaction", [t(`${counts === "" ? "nothing found" : counts}${item.redactionReport ? ` (${item.redactionReport.engine})` : ""}`)]],
      ],
    });
    if (item.inline !== undefined) blocks.push({ kind: "code", label: `Excerpt ${index + 1}`, text: item.inline });
  });
  return blocks;
}

/** The last customer communication, when there was one. */
function customerCommsBlocks(pkg: Pkg): Block[] {
  const comms = pkg.customerComms;
  if (!comms) return [];
  return [
    { kind: "heading", text: "Customer communication" },
    {
      kind: "fields",
      rows: [
        ["Last update", [t(`${isoOf(comms.lastUpdateAt)}: ${comms.summary}`)]],
        ["Expectation", [t(comms.expectation)]],
        ["Escalation risk", [t(comms.escalationRisk)]],
      ],
    },
  ];
}

/** Lays a package out as format-neutral blocks, in the order engineering reads them. */
export function documentOf(pkg: Pkg): Block[] {
  return [
    ...headerBlocks(pkg),
    ...impactAndAskBlocks(pkg),
    ...investigationBlocks(pkg),
    ...correlationBlocks(pkg),
    ...evidenceBlocks(pkg),
    ...customerCommsBlocks(pkg),
  ];
}
