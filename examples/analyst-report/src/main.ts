// An analyst's weekly report: load an export of ticket logs (JSONL, one `{ id, events }` per line),
// compute the KPIs per category and ISO week in Berlin time, print them with console.table; then check
// a flat CSV export of the same tickets the way you would before trusting it.
import { readFileSync } from "node:fs";
import { kpiReport, readTicketRows, resolutionSurvival, resolutionTime, toCsv, type KpiReportRow } from "@supportops/metrics";

const data = (name: string): string => readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8");

const tickets = data("tickets.jsonl")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { id: string; events: unknown[] });

const options = {
  period: { from: "2026-01-05", to: "2026-03-02" }, // eight ISO weeks, [from, to)
  timeZone: "Europe/Berlin",
  asOf: "2026-03-16", // two weeks later: reopen windows have passed, nothing is provisional
} as const;

const report = kpiReport(tickets, {
  ...options,
  kpis: ["tickets_resolved", "first_response_time", "resolution_time", "first_contact_resolution", "csat"],
  groupBy: ["category"],
  bucket: { unit: "week" },
});

const hours = (ms: number | null): string => (ms === null ? "—" : `${(ms / 3_600_000).toFixed(1)} h`);
const percent = (share: number | null): string => (share === null ? "—" : `${(share * 100).toFixed(0)} %`);
const show = (row: KpiReportRow | undefined, format: (v: number | null) => string): string => (row === undefined ? "" : `${format(row.value)} (n=${row.n})`);

// One line per category and week: the KPIs side by side.
const lines = new Map<string, Record<string, string>>();
const cellOf = (row: KpiReportRow): Record<string, string> => {
  const key = `${row.group["category"] ?? "(none)"} ${row.bucket.label}`;
  let line = lines.get(key);
  if (line === undefined) {
    line = { category: row.group["category"] ?? "(none)", week: row.bucket.label };
    lines.set(key, line);
  }
  return line;
};
for (const row of report.rows) {
  const line = cellOf(row);
  if (row.kpi === "tickets_resolved") line["resolved"] = String(row.value);
  if (row.kpi === "first_response_time") line["FRT median"] = show(row, hours);
  if (row.kpi === "resolution_time") line["resolution median"] = show(row, hours);
  if (row.kpi === "first_contact_resolution") line["FCR"] = show(row, percent);
  if (row.kpi === "csat") line["CSAT 4–5"] = show(row, percent);
}
console.log(`Weekly KPIs per category (${tickets.length} tickets, ISO weeks in Europe/Berlin):`);
console.table([...lines.values()]);

console.log("All categories, whole period — CSV for a spreadsheet (first lines):");
const overall = kpiReport(tickets, { ...options, kpis: ["tickets_resolved", "resolution_time"], groupBy: ["category"] });
console.log(toCsv(overall).split("\r\n").slice(0, 4).join("\n"));

const survival = resolutionSurvival(tickets, options);
console.log(
  `\nTickets created in the period: ${survival.n}; Kaplan–Meier median time to resolution ${hours(survival.value)}` +
    ` (resolved-only median ${hours(survival.stats.naiveMedian)}, ${survival.stats.censored} still open).`,
);

// The flat export: validate every row, keep the good ones, list the bad ones.
const [header, ...lines2] = data("ticket-rows.csv").trim().split("\n");
const columns = (header ?? "").split(",");
const records = lines2.map((line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i] ?? `column ${i}`, value])));
records.push({ ...records[0], id: "T-broken", created_at: "03/01/2026", status: "waiting" }); // a row a spreadsheet mangled
const { rows, problems } = readTicketRows(records);
console.log(`\nticket-rows.csv: ${rows.length} good rows, ${problems.length} problems:`);
console.table(problems);

// Rows hold what resolution time reads, so the CSV gives the same answer as the logs.
const fromRows = resolutionTime(rows, options);
const fromLogs = resolutionTime(tickets, options);
console.log(`Resolution time from the CSV: ${hours(fromRows.value)} (n=${fromRows.n}); from the logs: ${hours(fromLogs.value)} (n=${fromLogs.n}).`);
