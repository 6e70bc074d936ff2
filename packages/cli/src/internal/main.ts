import { writeFile } from "node:fs/promises";
import { Command, CommanderError, Option } from "commander";
import pc from "picocolors";
import { SupportOpsError, formatPath, type Issue, type SafeResult } from "@supportops/core";
import { safeCreateEscalationPolicy } from "@supportops/escalation";
import { humanizeDuration, toCsv, toMarkdown } from "@supportops/metrics";
import { rankBySlaRisk, safeCreateCalendar, safeCreateSlaEngine, type BusinessCalendar, type SlaEngine } from "@supportops/sla";
import { safeCreateTaxonomy } from "@supportops/taxonomy";
import { CliError } from "../CliError.js";
import { renderHtmlReport } from "../renderHtmlReport.js";
import { buildReport } from "./buildReport.js";
import { BUSINESS } from "./findings.js";
import { localTime } from "./localTime.js";
import { readJsonFile, type JsonFile } from "./readJsonFile.js";
import { readTickets, ticketFormatOf, type TicketFile } from "./readTickets.js";
import { terminalReport, terminalTable } from "./terminal.js";

/** Exit codes: see docs/cli.md. */
const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Problems found in an input file, already printed; ends the command with exit code 1. */
class InvalidInput extends Error {}

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const usage = (message: string): CliError => new CliError("invalid_argument", [{ code: "invalid_argument", path: [], message }]);

/** Prints a library's issues against a JSON file, each with its line: `file:line: path: message [code]`. */
function printIssues(io: Io, json: JsonFile, issues: ReadonlyArray<Issue>): void {
  for (const issue of issues) {
    const path = formatPath(issue.path);
    io.err(`${json.file}:${json.lineOf(issue.path)}: ${path === "" ? "" : `${path}: `}${issue.message} [${issue.code}]\n`);
  }
}

/** Reads a JSON config file and builds it with a library's `safeCreate*`; problems are printed with their lines. */
async function load<T>(io: Io, file: string, create: (value: unknown) => SafeResult<T, SupportOpsError>): Promise<T> {
  const json = await readJsonFile(file);
  const result = create(json.value);
  if (!result.success) {
    printIssues(io, json, result.error.issues);
    throw new InvalidInput(`${file}: ${result.error.issues.length} problem(s)`);
  }
  return result.data;
}

function printRejected(io: Io, file: string, input: TicketFile): void {
  if (input.rejected === 0) return;
  const shown = input.problems.slice(0, 20);
  io.err(pc.yellow(`${file}: ${input.rejected} line(s) rejected, ${input.tickets.length} ticket(s) kept:\n`));
  for (const p of shown) io.err(`  ${file}:${p.line}: ${p.where === "" ? "" : `${p.where}: `}${p.message}\n`);
  if (input.rejected > shown.length) io.err(`  … and ${input.rejected - shown.length} more (--json lists up to 1000)\n`);
}

async function readTicketFile(io: Io, file: string): Promise<TicketFile> {
  const input = await readTickets(file);
  printRejected(io, file, input);
  if (input.tickets.length === 0 && input.rejected > 0) throw new InvalidInput(`${file}: every line was rejected`);
  return input;
}

function parsePeriod(text: string): { from: string; to: string } {
  const match = /^([^.]+)\.\.([^.]+)$/.exec(text.trim());
  if (match === null) throw usage(`--period ${JSON.stringify(text)}: expected FROM..TO, e.g. 2026-01-01..2026-04-01 (half-open: TO is excluded)`);
  return { from: match[1] as string, to: match[2] as string };
}

const list = (text: string): string[] => text.split(",").map((s) => s.trim()).filter((s) => s !== "");

function atOf(text: string): number {
  if (text === "now") return Date.now();
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/(Z|[+-]\d\d:?\d\d)$/i.test(text.trim())) throw usage(`--at ${JSON.stringify(text)}: expected "now" or an ISO-8601 instant with an offset or Z, e.g. 2026-03-10T11:00:00-04:00`);
  return ms;
}

interface ReportFlags {
  calendar?: string;
  sla?: string;
  period: string;
  tz?: string;
  asOf?: string;
  groupBy?: string;
  bucket?: "week" | "month";
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
  html?: string;
}

async function runReport(io: Io, file: string, flags: ReportFlags): Promise<void> {
  ticketFormatOf(file);
  const formats = [flags.json, flags.csv, flags.markdown].filter((f) => f === true).length;
  if (formats > 1) throw usage("--json, --csv and --markdown write to standard output: give one of them");
  const period = parsePeriod(flags.period);
  const calendar: BusinessCalendar | null = flags.calendar === undefined ? null : await load(io, flags.calendar, safeCreateCalendar);
  const engine: SlaEngine | null = flags.sla === undefined ? null : await load(io, flags.sla, safeCreateSlaEngine);
  const timeZone = flags.tz ?? calendar?.timeZone ?? "UTC";
  const input = await readTicketFile(io, file);
  const bundle = buildReport(input, {
    file,
    period,
    timeZone,
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    groupBy: flags.groupBy === undefined ? [] : list(flags.groupBy),
    bucket: flags.bucket ?? null,
    slaEngine: engine,
    calendar,
  });
  const { drivers, changes, ...report } = bundle;
  const notes = report.notes;
  if (flags.html !== undefined) {
    const target = flags.html;
    await writeFile(target, renderHtmlReport(report)).catch((error: unknown) => {
      throw usage(`--html ${target}: cannot write the file (${(error as Error).message})`);
    });
  }
  if (flags.json === true) {
    io.out(JSON.stringify({ ...report.report, overall: report.overall.rows, weekly: report.weekly.rows, backlog: report.backlog, slaAttainment: report.sla, topDrivers: drivers, whatChanged: changes, source: report.source, problems: input.problems, notes }, null, 2) + "\n");
  } else if (flags.csv === true) {
    io.out(toCsv(report.report));
  } else if (flags.markdown === true) {
    io.out(toMarkdown(report.report));
  } else {
    io.out(terminalReport(report));
  }
  if (flags.html !== undefined) io.err(`wrote ${flags.html}\n`);
}

async function runSla(io: Io, file: string, flags: { sla: string; at: string; tz: string; limit: string; json?: boolean }): Promise<void> {
  if (ticketFormatOf(file) !== "logs") throw usage(`${file}: the SLA clocks replay event logs; give a .jsonl file of { id, events }`);
  const limit = Number(flags.limit);
  if (!Number.isSafeInteger(limit) || limit < 1) throw usage(`--limit ${JSON.stringify(flags.limit)}: expected a whole number ≥ 1`);
  const at = atOf(flags.at);
  const engine = await load(io, flags.sla, safeCreateSlaEngine);
  const input = await readTicketFile(io, file);
  const evaluations = [...engine.evaluateMany(input.tickets as ReadonlyArray<{ id: string; events: ReadonlyArray<unknown> }>, { at })];
  const worklist = rankBySlaRisk(evaluations, { at });
  if (flags.json === true) {
    io.out(JSON.stringify({ at, evaluations, worklist: worklist.map((w) => ({ ticketId: w.evaluation.ticketId, metric: w.state.metric, status: w.state.status, breached: w.breached, remainingBusinessMs: w.remainingBusinessMs, dueAt: w.state.dueAt, breachedAt: w.state.breachedAt })), rejected: input.rejected, problems: input.problems }, null, 2) + "\n");
    return;
  }
  const tz = flags.tz;
  const open = evaluations.flatMap((e) => e.metrics.filter((m) => m.status === "active" || m.status === "paused" || (m.status === "breached" && m.stoppedAt === null)).map((m) => ({ e, m })));
  const counts: Record<string, number> = {};
  for (const e of evaluations) for (const m of e.metrics) counts[m.status] = (counts[m.status] ?? 0) + 1;
  io.out(pc.bold(`SLA states of ${evaluations.length} tickets at ${localTime(at, tz)} (${tz})`) + "\n");
  io.out(`cycles: ${Object.entries(counts).map(([s, c]) => `${c} ${s}`).join(", ") || "none"}\n\n`);
  io.out(pc.bold(`Running cycles (${open.length}), first ${Math.min(limit, open.length)}`) + "\n");
  io.out(terminalTable(open.slice(0, limit).map(({ e, m }) => ({ ticket: e.ticketId ?? "", policy: m.policyId, metric: m.metric, status: m.status, remaining: m.status === "breached" ? "breached" : humanizeDuration(m.remainingBusinessMs, BUSINESS), due: localTime(m.dueAt, tz) }))) + "\n\n");
  io.out(pc.bold(`Worklist, most at risk first (${worklist.length}), first ${Math.min(limit, worklist.length)}`) + "\n");
  io.out(terminalTable(worklist.slice(0, limit).map((w, i) => ({ rank: i + 1, ticket: w.evaluation.ticketId ?? "", metric: w.state.metric, status: w.breached ? "breached" : w.state.status, remaining: w.breached ? `breached ${localTime(w.state.breachedAt, tz)}` : humanizeDuration(w.remainingBusinessMs, BUSINESS), due: localTime(w.state.dueAt, tz) }))) + "\n");
}

async function runCalendar(io: Io, file: string, operation: string, args: ReadonlyArray<string>, flags: { json?: boolean }): Promise<void> {
  const arity: Record<string, number> = { add: 2, between: 2, "next-open": 1 };
  const wanted = arity[operation];
  if (wanted === undefined) throw usage(`unknown calendar operation ${JSON.stringify(operation)}; use add <at> <duration>, between <from> <to> or next-open <at>`);
  if (args.length !== wanted) throw usage(`calendar ${operation} takes ${wanted} argument(s), got ${args.length}; see supportops calendar --help`);
  const calendar = await load(io, file, safeCreateCalendar);
  const [a = "", b = ""] = args;
  const show = (ms: number | null): string => (ms === null ? "never" : `${new Date(ms).toISOString()} (${localTime(ms, calendar.timeZone)} ${calendar.timeZone})`);
  let result: { readonly [key: string]: string | number | null };
  switch (operation) {
    case "add": {
      const at = calendar.addBusinessTime(a, b).getTime();
      result = { operation, at: new Date(at).toISOString(), text: show(at) };
      break;
    }
    case "between": {
      const ms = calendar.businessTimeBetween(a, b);
      result = { operation, businessMs: ms, text: `${humanizeDuration(ms, BUSINESS)} of business time (${ms} ms)` };
      break;
    }
    default: {
      const next = calendar.nextOpen(a);
      result = { operation, at: next === null ? null : next.toISOString(), text: show(next === null ? null : next.getTime()) };
    }
  }
  io.out(flags.json === true ? JSON.stringify(result) + "\n" : `${String(result["text"])}\n`);
}

const VALIDATORS: Readonly<Record<string, (value: unknown) => SafeResult<unknown, SupportOpsError>>> = {
  calendar: safeCreateCalendar,
  sla: safeCreateSlaEngine,
  taxonomy: safeCreateTaxonomy,
  escalation: safeCreateEscalationPolicy,
};

async function runValidate(io: Io, kind: string, files: ReadonlyArray<string>): Promise<number> {
  const validate = VALIDATORS[kind];
  if (validate === undefined) throw usage(`unknown kind ${JSON.stringify(kind)}; use one of ${Object.keys(VALIDATORS).join(", ")}`);
  let failed = 0;
  for (const file of files) {
    try {
      await load(io, file, validate);
      io.out(`${pc.green("ok")}   ${file}: a valid ${kind} file\n`);
    } catch (error) {
      if (error instanceof InvalidInput) {
        failed += 1;
        io.out(`${pc.red("FAIL")} ${file}: ${error.message.slice(file.length + 2)}\n`);
        continue;
      }
      if (error instanceof CliError && error.code === "invalid_input_file") {
        failed += 1;
        for (const issue of error.issues) io.err(`${issue.message}\n`);
        io.out(`${pc.red("FAIL")} ${file}: not JSON\n`);
        continue;
      }
      throw error;
    }
  }
  return failed === 0 ? EXIT.ok : EXIT.invalid;
}

/** Builds the program; `io` receives everything it prints. */
function program(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command("supportops")
    .description("Support operations from the command line: KPI reports, SLA worklists, business-calendar arithmetic and validation of configuration files.")
    .version("0.0.0")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  cmd
    .command("report")
    .description("KPIs of a ticket export over a half-open period: tiles, SLA attainment by priority, backlog aging and every KPI by group and bucket")
    .argument("<tickets>", "tickets.jsonl (one { id, events } log per line) or tickets.csv (flat TicketRows with a header line)")
    .requiredOption("--period <from..to>", "half-open period, the end excluded, e.g. 2026-01-01..2026-04-01 (local dates in --tz)")
    .option("--calendar <file>", "business calendar JSON (its zone is the default --tz)")
    .option("--sla <file>", "SLA engine JSON, the whole createSlaEngine input (SLA attainment; JSONL input only)")
    .option("--tz <zone>", "IANA zone for local dates and buckets (default: the calendar's, else UTC)")
    .option("--as-of <instant>", "only events up to this instant are known (default: the period's end)")
    .option("--group-by <attributes>", "comma-separated: category, priority, channel, …")
    .addOption(new Option("--bucket <unit>", "cut the period into local weeks or months").choices(["week", "month"]))
    .option("--json", "write the report object (with its rows) as JSON")
    .option("--csv", "write the report rows as CSV")
    .option("--markdown", "write the report rows as a Markdown table")
    .option("--html <file>", "also write the self-contained HTML report to <file>")
    .addHelpText("after", "\nExamples:\n  supportops report tickets.jsonl --sla engine.json --period 2026-01-05..2026-03-02 --tz Europe/Berlin --group-by category --bucket week\n  supportops report rows.csv --period 2026-01-01..2026-04-01 --csv > kpis.csv\n  supportops report tickets.jsonl --period 2026-01-01..2026-04-01 --html report.html")
    .action(async (file: string, flags: ReportFlags) => runReport(io, file, flags));
  cmd
    .command("sla")
    .description("SLA states of every ticket at one instant and the worklist ranked by SLA risk")
    .argument("<tickets>", "tickets.jsonl (one { id, events } log per line)")
    .requiredOption("--sla <file>", "SLA engine JSON, the whole createSlaEngine input")
    .option("--at <instant>", '"now" or an ISO-8601 instant with an offset', "now")
    .option("--tz <zone>", "zone to show instants in", "UTC")
    .option("--limit <n>", "rows to show of each table", "20")
    .option("--json", "write the evaluations and the worklist as JSON")
    .addHelpText("after", "\nExample:\n  supportops sla tickets.jsonl --sla engine.json --at 2026-03-02T12:00:00+01:00 --tz Europe/Berlin")
    .action(async (file: string, flags: { sla: string; at: string; tz: string; limit: string; json?: boolean }) => runSla(io, file, flags));
  cmd
    .command("calendar")
    .description("business-time arithmetic on a calendar: add <at> <duration>, between <from> <to>, next-open <at>")
    .argument("<calendar>", "business calendar JSON")
    .argument("<operation>", "add | between | next-open")
    .argument("[args...]", "the operation's arguments: instants (ISO-8601) and durations (ISO-8601, e.g. PT4H)")
    .option("--json", "write the answer as JSON")
    .addHelpText("after", "\nExamples:\n  supportops calendar cal.json add 2026-03-06T16:00:00+01:00 PT4H\n  supportops calendar cal.json between 2026-03-06T16:00:00+01:00 2026-03-09T10:00:00+01:00\n  supportops calendar cal.json next-open 2026-03-07T12:00:00+01:00")
    .action(async (file: string, operation: string, args: string[], flags: { json?: boolean }) => runCalendar(io, file, operation, args, flags));
  cmd
    .command("validate")
    .description("check configuration files; every problem is printed with its line and path; exit 1 if any file is invalid")
    .argument("<kind>", "calendar | sla | taxonomy | escalation")
    .argument("<files...>", "JSON files")
    .addHelpText("after", "\nExamples:\n  supportops validate calendar cal.json\n  supportops validate sla engine.json\n  supportops validate taxonomy taxonomy.json\n  supportops validate escalation escalation-policy.json")
    .action(async (kind: string, files: string[]) => setExit(await runValidate(io, kind, files)));
  return cmd;
}

function printError(io: Io, error: SupportOpsError): void {
  for (const issue of error.issues) {
    const where = formatPath(issue.path);
    io.err(`${pc.red("error")}: ${where === "" || issue.message.startsWith(where) ? "" : `${where}: `}${issue.message} [${issue.code}]\n`);
  }
}

/** Runs the command line and returns the exit code. */
export async function main(argv: ReadonlyArray<string>, io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof InvalidInput) {
      io.err(`${pc.red("error")}: ${error.message}\n`);
      return EXIT.invalid;
    }
    if (error instanceof CliError) {
      printError(io, error);
      return error.code === "invalid_input_file" ? EXIT.invalid : EXIT.usage;
    }
    if (error instanceof SupportOpsError) {
      // Thrown while reading option values (a period, zone, instant or duration): a usage error.
      printError(io, error);
      return EXIT.usage;
    }
    throw error;
  }
}
