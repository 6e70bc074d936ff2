// The `supportops` command, end to end: the bin is built with tsup and run with node on the bundled
// sample data; every number it prints is checked against the library called directly.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createCalendar, createSlaEngine, rankBySlaRisk, type SlaEngineDefinition } from "@supportops/sla";
import { detectChanges, kpiReport, readTicketRows, slaAttainment, toCsv, toMarkdown, topDrivers, type TicketInput } from "@supportops/metrics";
import { buildBin, packageDir } from "./support/buildBin.js";
import { SAMPLE, run } from "./support/run.js";

let bin = "";
const scratch = `${packageDir}/build/cli-test`;
beforeAll(async () => {
  bin = await buildBin("cli-test-bin");
  mkdirSync(scratch, { recursive: true });
});

const sampleLines = readFileSync(`${packageDir}/${SAMPLE}/tickets.jsonl`, "utf8").split("\n").filter((l) => l.trim() !== "");
const tickets = sampleLines.map((l) => JSON.parse(l) as TicketInput);
const engineJson = JSON.parse(readFileSync(`${packageDir}/${SAMPLE}/sla-engine.json`, "utf8")) as SlaEngineDefinition;
const period = { from: "2026-01-05", to: "2026-03-02" };
const options = { period, timeZone: "Europe/Berlin" } as const;
const reportArgs = ["report", `${SAMPLE}/tickets.jsonl`, "--sla", `${SAMPLE}/sla-engine.json`, "--period", "2026-01-05..2026-03-02", "--tz", "Europe/Berlin", "--group-by", "category", "--bucket", "week"];

describe("supportops report", () => {
  it("runs the README's demo (the package's demo script) and writes the HTML report", () => {
    const script = (JSON.parse(readFileSync(`${packageDir}/package.json`, "utf8")) as { scripts: Record<string, string> }).scripts["demo"] ?? "";
    const args = script.split(" ").slice(script.split(" ").indexOf("src/bin.ts") + 1).map((a) => (a === "build/report.html" ? "build/cli-test/demo.html" : a));
    const result = run(bin, args);
    expect(result.stderr).toContain("wrote build/cli-test/demo.html");
    expect(result.code).toBe(0);
    expect(readFileSync(`${scratch}/demo.html`, "utf8")).toMatch(/^<!doctype html>/);
    expect(readFileSync(`${packageDir}/../../README.md`, "utf8")).toContain("pnpm --filter @supportops/cli demo");
  });

  it("prints aligned tables with humanised units and n beside every value", () => {
    const result = run(bin, reportArgs);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2000 tickets read, 0 lines rejected");
    const overall = kpiReport(tickets, options);
    const frt = overall.rows.find((r) => r.kpi === "first_response_time")!;
    // e.g. "│ first_response_time      │ 5 h 35 m           │ 1699 │ p90 1 d 2 h · 117 awaiting a reply │"
    const line = result.stdout.split("\n").find((l) => l.includes("first_response_time"))!;
    expect(line).toMatch(/│ first_response_time\s+│ \d+ h \d+ m\s+│\s+\d+ │ p90 /);
    expect(line).toContain(` ${frt.n} │`);
    const sla = slaAttainment(tickets, { ...options, slaEngine: createSlaEngine(engineJson) });
    const all = result.stdout.split("\n").find((l) => l.includes("│ all "))!;
    expect(all).toContain(`${((sla.value ?? 0) * 100).toFixed(1)} % [`);
    expect(all).toContain(` ${sla.n} │`);
    // every table line of one table has the same width: aligned
    const kpiTables = result.stdout.slice(0, result.stdout.indexOf("Top drivers: Tickets created")); // the findings tables have a kpi column too
    const widths = new Set(kpiTables.split("\n").filter((l) => l.startsWith("│ tickets_resolved") || l.startsWith("│ kpi")).map((l) => [...l].length));
    expect(widths.size).toBeGreaterThanOrEqual(1);
    expect(widths.size).toBeLessThanOrEqual(2); // the tiles table and the grouped table
  });

  it("--json is the report object with its rows, equal to kpiReport's", () => {
    const result = run(bin, [...reportArgs, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { rows: unknown[]; period: unknown; slaAttainment: { overall: unknown }; source: { tickets: number; rejected: number } };
    const expected = kpiReport(tickets, { ...options, groupBy: ["category"], bucket: { unit: "week" } });
    expect(json.rows).toStrictEqual(JSON.parse(JSON.stringify(expected.rows)));
    expect(json.period).toStrictEqual(expected.period);
    expect(json.slaAttainment.overall).toStrictEqual(JSON.parse(JSON.stringify(slaAttainment(tickets, { ...options, slaEngine: createSlaEngine(engineJson) }))));
    expect(json.source).toMatchObject({ tickets: 2000, rejected: 0 });
  });

  it("--csv and --markdown are metrics' toCsv and toMarkdown of the report", () => {
    const expected = kpiReport(tickets, { ...options, groupBy: ["category"], bucket: { unit: "week" } });
    expect(run(bin, [...reportArgs, "--csv"]).stdout).toBe(toCsv(expected));
    expect(run(bin, [...reportArgs, "--markdown"]).stdout).toBe(toMarkdown(expected));
  });

  it("reads the CSV of ticket rows, and leaves SLA attainment out with a message", () => {
    const result = run(bin, ["report", `${SAMPLE}/ticket-rows.csv`, "--sla", `${SAMPLE}/sla-engine.json`, "--period", "2026-01-05..2026-03-02", "--tz", "Europe/Berlin", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { rows: unknown[]; notes: string[]; slaAttainment: unknown };
    expect(json.slaAttainment).toBeNull();
    expect(json.notes.some((n) => n.startsWith("SLA attainment: left out — CSV rows carry no events"))).toBe(true);
    const text = readFileSync(`${packageDir}/${SAMPLE}/ticket-rows.csv`, "utf8").trim().split("\n");
    const header = text[0]!.split(",");
    const { rows } = readTicketRows(text.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i], v]))));
    expect(json.rows).toStrictEqual(JSON.parse(JSON.stringify(kpiReport(rows, options).rows)));
  });

  it("rejects bad lines with their numbers, keeps and counts the good ones", () => {
    const lines = sampleLines.slice(0, 10);
    lines.splice(2, 0, "{ not json");
    lines.splice(4, 0, JSON.stringify({ id: "T-bad", events: [{ id: "e", at: "yesterday", type: "created", by: "customer" }] }));
    lines.splice(6, 0, JSON.stringify({ ticket: "no id" }));
    writeFileSync(`${scratch}/bad.jsonl`, lines.join("\n") + "\n");
    const result = run(bin, ["report", "build/cli-test/bad.jsonl", "--period", "2026-01-05..2026-03-02"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("build/cli-test/bad.jsonl: 3 line(s) rejected, 10 ticket(s) kept:");
    expect(result.stderr).toMatch(/bad\.jsonl:3: not JSON/);
    expect(result.stderr).toMatch(/bad\.jsonl:5: .*events.*at/);
    expect(result.stderr).toMatch(/bad\.jsonl:7: expected one ticket per line/);
    expect(result.stdout).toContain("10 tickets read, 3 lines rejected");
  });

  it("rejects bad CSV rows with their line numbers", () => {
    const text = readFileSync(`${packageDir}/${SAMPLE}/ticket-rows.csv`, "utf8").trim().split("\n").slice(0, 6);
    text.splice(3, 0, text[1]!.replace(/^T-1,[^,]+,/, "T-x,03/01/2026,"));
    writeFileSync(`${scratch}/bad.csv`, text.join("\n") + "\n");
    const result = run(bin, ["report", "build/cli-test/bad.csv", "--period", "2026-01-05..2026-03-02", "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/bad\.csv:4: created_at: expected an ISO-8601 instant/);
    expect((JSON.parse(result.stdout) as { source: { tickets: number; rejected: number } }).source).toMatchObject({ tickets: 5, rejected: 1 });
  });

  it("reads a quoted field that spans lines as one row, and counts lines for the rows after it", () => {
    const text = readFileSync(`${packageDir}/${SAMPLE}/ticket-rows.csv`, "utf8").trim().split("\n").slice(0, 4);
    text[1] = text[1]!.replace(",feedback,", ',"feed\nback, with a comma",');
    text.push(text[2]!.replace(/^T-2,/, "T-y,").replace(/,(open|solved|closed|pending|new|on_hold),/, ",waiting,"));
    writeFileSync(`${scratch}/multiline.csv`, text.join("\n") + "\n");
    const result = run(bin, ["report", "build/cli-test/multiline.csv", "--period", "2026-01-05..2026-03-02", "--group-by", "category", "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/multiline\.csv:6: status: expected a canonical status/);
    const json = JSON.parse(result.stdout) as { source: { tickets: number }; rows: Array<{ group: { category: string } }> };
    expect(json.source.tickets).toBe(3);
    expect(json.rows.some((r) => r.group.category === "feed\nback, with a comma")).toBe(true);
  });

  const pty = "/usr/bin/script"; // util-linux
  it.skipIf(!existsSync(pty))("draws a progress bar on stderr only when stderr is a terminal", () => {
    const args = ["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-01-05..2026-03-02", "--csv"];
    expect(run(bin, args).stderr).not.toContain("bytes");
    // util-linux `script` runs the command on a pseudo-terminal; stdout goes to /dev/null inside it.
    const command = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(" ") + " > /dev/null";
    const tty = spawnSync(pty, ["-qec", command, "/dev/null"], { cwd: packageDir, encoding: "utf8" });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/tickets\.jsonl \[=+\] 100% · (\d+)\/\1 bytes/);
  });

  it("exits 2 on usage errors and 1 when every line is rejected", () => {
    expect(run(bin, ["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-01-05"]).code).toBe(2);
    expect(run(bin, ["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-03-01..2026-01-01"]).code).toBe(2);
    expect(run(bin, ["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-01-01..2026-02-01", "--group-by", "colour"]).stderr).toContain("colour");
    expect(run(bin, ["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-01-01..2026-02-01", "--csv", "--json"]).code).toBe(2);
    expect(run(bin, ["report", "missing.jsonl", "--period", "2026-01-01..2026-02-01"]).code).toBe(2);
    expect(run(bin, ["report", `${SAMPLE}/tickets.jsonl`]).code).toBe(2);
    const unwritable = run(bin, ["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-01-01..2026-02-01", "--html", "no/such/folder/report.html"]);
    expect([unwritable.code, unwritable.stderr]).toStrictEqual([2, expect.stringContaining("--html no/such/folder/report.html: cannot write the file") as unknown as string]);
    writeFileSync(`${scratch}/all-bad.jsonl`, "nope\n[]\n");
    expect(run(bin, ["report", "build/cli-test/all-bad.jsonl", "--period", "2026-01-01..2026-02-01"]).code).toBe(1);
  });
});

describe("supportops report with a calendar, top drivers and what changed", () => {
  const calendar = createCalendar(JSON.parse(readFileSync(`${packageDir}/${SAMPLE}/calendar.json`, "utf8")) as Parameters<typeof createCalendar>[0]);
  const withCalendar = [...reportArgs, "--calendar", `${SAMPLE}/calendar.json`];
  const json = (args: ReadonlyArray<string>): Record<string, unknown> => {
    const result = run(bin, [...args, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  it("--json rows, tiles and weekly trends are kpiReport's with the calendar: the business-hours variants included", () => {
    const out = json(withCalendar);
    const expected = kpiReport(tickets, { ...options, calendar, groupBy: ["category"], bucket: { unit: "week" } });
    expect(out["rows"]).toStrictEqual(plain(expected.rows));
    expect(expected.rows.some((r) => r.kpi === "first_response_time_business")).toBe(true);
    expect(expected.rows.some((r) => r.kpi === "resolution_time_business")).toBe(true);
    expect(out["overall"]).toStrictEqual(plain(kpiReport(tickets, { ...options, calendar }).rows));
    const weekly = kpiReport(tickets, { ...options, calendar, kpis: ["first_response_time", "resolution_time", "first_response_time_business", "resolution_time_business"], bucket: { unit: "week" } });
    expect(out["weekly"]).toStrictEqual(plain(weekly.rows));
    expect((out["notes"] as string[]).some((n) => /elapsed/.test(n))).toBe(false);
    // Without a calendar, no business rows.
    expect((json(reportArgs)["rows"] as Array<{ kpi: string }>).some((r) => r.kpi.endsWith("_business"))).toBe(false);
  });

  it("--csv, --markdown and the terminal carry the business rows too", () => {
    const expected = kpiReport(tickets, { ...options, calendar, groupBy: ["category"], bucket: { unit: "week" } });
    expect(run(bin, [...withCalendar, "--csv"]).stdout).toBe(toCsv(expected));
    expect(run(bin, [...withCalendar, "--markdown"]).stdout).toBe(toMarkdown(expected));
    const text = run(bin, withCalendar).stdout;
    const tile = kpiReport(tickets, { ...options, calendar }).rows.find((r) => r.kpi === "first_response_time_business")!;
    expect(text).toMatch(new RegExp(`│ first_response_time_business\\s+│ [^│]+│\\s+${tile.n} │`));
  });

  it("--json topDrivers and whatChanged are topDrivers' and detectChanges' results; the terminal shows both", () => {
    const out = json(withCalendar);
    expect(out["topDrivers"]).toStrictEqual(plain(topDrivers(tickets, { ...options, by: "category", measure: "created" })));
    const weeks = kpiReport(tickets, { ...options, calendar, bucket: { unit: "week" }, keepValues: true });
    const changes = detectChanges(weeks, { baseline: { trailingBuckets: 4 } });
    expect(out["whatChanged"]).toStrictEqual(plain(changes));
    expect(changes.tested).toBeGreaterThan(0);
    // The sample starts on the period's first day: nothing to compare the drivers with, and a note says so.
    expect((out["notes"] as string[]).some((n) => n.startsWith("Top drivers: not compared with the previous period"))).toBe(true);
    const text = run(bin, withCalendar).stdout;
    const drivers = topDrivers(tickets, { ...options }).rows;
    expect(text).toContain("Top drivers: Tickets created by category");
    expect(text).toMatch(new RegExp(`│ ${drivers[0]!.key ?? "\\(none\\)"}\\s+│\\s+${drivers[0]!.value} │`));
    expect(text).toContain("What changed: Last week 2026-02-23 00:00 .. 2026-03-02 00:00 against 2026-01-26 00:00 .. 2026-02-23 00:00");
    expect(text.indexOf("What changed")).toBeGreaterThan(text.indexOf("KPIs by group and bucket"));
    for (const cell of changes.cells) expect(text).toMatch(new RegExp(`│ ${cell.kpi}( \\(provisional\\))?\\s+│`));
  });

  it("compares the drivers with the previous period of equal length when the file covers it", () => {
    const later = { from: "2026-02-02", to: "2026-03-02" };
    const out = json(["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-02-02..2026-03-02", "--tz", "Europe/Berlin"]);
    const expected = topDrivers(tickets, { period: later, timeZone: "Europe/Berlin", compareTo: { from: "2026-01-05", to: "2026-02-02" } });
    expect(out["topDrivers"]).toStrictEqual(plain(expected));
    expect(expected.rows.every((r) => r.change !== undefined)).toBe(true);
    // Four weeks: the last against the one before.
    const weeks = kpiReport(tickets, { period: later, timeZone: "Europe/Berlin", bucket: { unit: "week" }, keepValues: true });
    expect(out["whatChanged"]).toStrictEqual(plain(detectChanges(weeks, { baseline: "previousBucket" })));
    const text = run(bin, ["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-02-02..2026-03-02", "--tz", "Europe/Berlin"]).stdout;
    expect(text).toMatch(/│ category\s+│ tickets │ share\s+│ cumulative │ previous period │ previous share │ change\s+│ rate test/);
  });

  it("fills the findings from CSV rows too, and leaves what changed out of a one-week period", () => {
    const out = json(["report", `${SAMPLE}/ticket-rows.csv`, "--period", "2026-01-05..2026-03-02", "--tz", "Europe/Berlin"]);
    expect((out["topDrivers"] as { total: number }).total).toBe(topDrivers(tickets, options).total);
    expect((out["whatChanged"] as { tested: number }).tested).toBeGreaterThan(0);
    const week = json(["report", `${SAMPLE}/tickets.jsonl`, "--period", "2026-02-23..2026-03-02", "--tz", "Europe/Berlin"]);
    expect(week["whatChanged"]).toBeNull();
    expect((week["notes"] as string[])).toContain("What changed: left out — the period holds fewer than two weeks with data to compare.");
  });
});

describe("supportops sla", () => {
  it("prints the states and the worklist ranked as rankBySlaRisk ranks it", () => {
    const demo = `${packageDir}/../../examples/demo/data`;
    const logs = JSON.parse(readFileSync(`${demo}/sla-tickets.json`, "utf8")) as Array<{ id: string; events: unknown[] }>;
    writeFileSync(`${scratch}/sla.jsonl`, logs.map((t) => JSON.stringify(t)).join("\n"));
    const at = "2026-03-10T11:00:00-04:00";
    const result = run(bin, ["sla", "build/cli-test/sla.jsonl", "--sla", "../../examples/demo/data/sla-policies.json", "--at", at, "--json"]);
    expect(result.code).toBe(0);
    const engine = createSlaEngine(JSON.parse(readFileSync(`${demo}/sla-policies.json`, "utf8")) as SlaEngineDefinition);
    const expected = rankBySlaRisk([...engine.evaluateMany(logs, { at })], { at });
    const json = JSON.parse(result.stdout) as { worklist: Array<{ ticketId: string; metric: string }> };
    expect(json.worklist.map((w) => [w.ticketId, w.metric])).toStrictEqual(expected.map((e) => [e.evaluation.ticketId, e.state.metric]));
    const text = run(bin, ["sla", "build/cli-test/sla.jsonl", "--sla", "../../examples/demo/data/sla-policies.json", "--at", at, "--tz", "America/New_York"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`SLA states of ${logs.length} tickets at 2026-03-10 11:00 (America/New_York)`);
    expect(text.stdout).toContain("Worklist, most at risk first");
    expect(text.stdout).toMatch(new RegExp(`│\\s+1 │ ${expected[0]!.evaluation.ticketId} `));
  });
  it("needs logs and a usable --at", () => {
    expect(run(bin, ["sla", `${SAMPLE}/ticket-rows.csv`, "--sla", `${SAMPLE}/sla-engine.json`]).code).toBe(2);
    expect(run(bin, ["sla", `${SAMPLE}/tickets.jsonl`, "--sla", `${SAMPLE}/sla-engine.json`, "--at", "tomorrow"]).code).toBe(2);
  });
});

describe("supportops calendar", () => {
  const calendar = createCalendar(JSON.parse(readFileSync(`${packageDir}/${SAMPLE}/calendar.json`, "utf8")) as Parameters<typeof createCalendar>[0]);
  const cal = `${SAMPLE}/calendar.json`;
  it("adds business time, measures it and finds the next opening, as the library does", () => {
    const friday = "2026-03-06T16:00:00+01:00";
    const add = JSON.parse(run(bin, ["calendar", cal, "add", friday, "PT4H", "--json"]).stdout) as { at: string };
    expect(add.at).toBe(calendar.addBusinessTime(friday, "PT4H").toISOString());
    expect(run(bin, ["calendar", cal, "add", friday, "PT4H"]).stdout).toBe(`${add.at} (2026-03-09 10:00 Europe/Berlin)\n`);
    const between = run(bin, ["calendar", cal, "between", friday, "2026-03-09T10:00:00+01:00"]);
    expect(between.stdout).toBe(`4 h of business time (${calendar.businessTimeBetween(friday, "2026-03-09T10:00:00+01:00")} ms)\n`);
    const next = JSON.parse(run(bin, ["calendar", cal, "next-open", "2026-03-07T12:00:00+01:00", "--json"]).stdout) as { at: string };
    expect(next.at).toBe(calendar.nextOpen("2026-03-07T12:00:00+01:00")?.toISOString());
  });
  it("exits 2 on an unknown operation, a wrong count of arguments or a bad duration", () => {
    expect(run(bin, ["calendar", cal, "subtract", "2026-03-06T16:00:00+01:00"]).code).toBe(2);
    expect(run(bin, ["calendar", cal, "add", "2026-03-06T16:00:00+01:00"]).code).toBe(2);
    const bad = run(bin, ["calendar", cal, "add", "2026-03-06T16:00:00+01:00", "four hours"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("[invalid_duration]");
  });
});

describe("supportops validate", () => {
  it("accepts valid files (exit 0)", () => {
    const result = run(bin, ["validate", "calendar", `${SAMPLE}/calendar.json`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("ok   ../../examples/analyst-report/data/calendar.json: a valid calendar file");
    expect(run(bin, ["validate", "sla", `${SAMPLE}/sla-engine.json`, "../../examples/demo/data/sla-policies.json"]).code).toBe(0);
  });
  it("lists every problem with its line and path (exit 1)", () => {
    writeFileSync(`${scratch}/bad-cal.json`, ['{', '  "timeZone": "Europe/Berlni",', '  "weekly": {', '    "mon": [["09:00", "08:00"]]', "  }", "}"].join("\n"));
    const result = run(bin, ["validate", "calendar", "build/cli-test/bad-cal.json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-cal\.json:2: timeZone: .*\[invalid_time_zone\]/);
    expect(result.stdout).toContain("FAIL build/cli-test/bad-cal.json");
    writeFileSync(`${scratch}/broken.json`, '{\n  "timeZone": "UTC",\n  "weekly": { "mon": [["09:00" "17:00"]] }\n}\n');
    const syntax = run(bin, ["validate", "calendar", "build/cli-test/broken.json"]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/broken\.json:3:\d+: JSON syntax: CommaExpected/);
  });
  it("checks taxonomies and escalation policies too", () => {
    writeFileSync(`${scratch}/taxonomy.json`, JSON.stringify({ nodes: "none" }, null, 2));
    const tax = run(bin, ["validate", "taxonomy", "build/cli-test/taxonomy.json"]);
    expect(tax.code).toBe(1);
    expect(tax.stderr).toMatch(/taxonomy\.json:\d+: /);
    writeFileSync(`${scratch}/escalation.json`, JSON.stringify({ levels: [] }, null, 2));
    expect(run(bin, ["validate", "escalation", "build/cli-test/escalation.json"]).code).toBe(1);
  });
  it("exits 2 for an unknown kind or a missing file", () => {
    expect(run(bin, ["validate", "policy", `${SAMPLE}/calendar.json`]).code).toBe(2);
    expect(run(bin, ["validate", "calendar", "nope.json"]).code).toBe(2);
  });
});

describe("--help", () => {
  it("every command has one (exit 0)", () => {
    for (const command of [[], ["report"], ["sla"], ["calendar"], ["validate"]]) {
      const result = run(bin, [...command, "--help"]);
      expect(result.code, command.join(" ")).toBe(0);
      expect(result.stdout).toContain(`Usage: supportops ${command.join(" ")}`.trim());
    }
  });
});
