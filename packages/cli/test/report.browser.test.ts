// The HTML report in headless Chromium (Debian's `chromium`, driven by puppeteer-core): it loads with
// no console error and no network request, every chart renders with the marks its data calls for, and
// a screenshot (build/report.png) and a print to PDF (build/report.pdf) are kept as CI artefacts.
// Without Chromium the test is skipped with a message, unless SUPPORTOPS_BROWSER_TEST=required (CI),
// which turns the skip into a failure.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import puppeteer, { type Browser } from "puppeteer-core";
import { buildBin, packageDir } from "./support/buildBin.js";
import { SAMPLE, run } from "./support/run.js";

const CHROMIUM = process.env["SUPPORTOPS_CHROMIUM"] ?? "/usr/bin/chromium";
const required = process.env["SUPPORTOPS_BROWSER_TEST"] === "required";
const available = existsSync(CHROMIUM);
if (!available && !required) {
  console.warn(`[report.browser.test] skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium; CI sets SUPPORTOPS_BROWSER_TEST=required so it never skips)`);
}

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const out = `${packageDir}/build`;

describe.skipIf(!available && !required)("the HTML report in headless Chromium", () => {
  let browser: Browser | undefined;
  let profile = "";
  let html = "";
  let expected: { weeks: number; priorities: number; csatScores: number; backlogBuckets: number; drivers: number; changes: number };

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (SUPPORTOPS_BROWSER_TEST=required)`).toBe(true);
    const bin = await buildBin("browser-test-bin");
    mkdirSync(`${out}/browser-test`, { recursive: true });
    html = `${out}/browser-test/report.html`;
    const args = ["report", `${SAMPLE}/tickets.jsonl`, "--calendar", `${SAMPLE}/calendar.json`, "--sla", `${SAMPLE}/sla-engine.json`, "--period", "2026-01-05..2026-03-02", "--tz", "Europe/Berlin", "--group-by", "category", "--bucket", "week"];
    const written = run(bin, [...args, "--html", "build/browser-test/report.html", "--json"]);
    expect(written.code, written.stderr).toBe(0);
    const json = JSON.parse(written.stdout) as {
      weekly: Array<{ kpi: string }>;
      slaAttainment: { byPriority: unknown[] };
      overall: Array<{ kpi: string; stats: { distribution?: Record<string, number> } }>;
      backlog: { stats: { buckets: unknown[] } };
      topDrivers: { rows: unknown[] };
      whatChanged: { cells: unknown[] };
    };
    expected = {
      weeks: json.weekly.filter((r) => r.kpi === "first_response_time").length,
      priorities: json.slaAttainment.byPriority.length,
      csatScores: Object.keys(json.overall.find((r) => r.kpi === "csat")?.stats.distribution ?? {}).length,
      backlogBuckets: json.backlog.stats.buckets.length,
      drivers: json.topDrivers.rows.length,
      changes: json.whatChanged.cells.length,
    };
    profile = mkdtempSync(`${tmpdir()}/supportops-chromium-`);
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, `--user-data-dir=${profile}`] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (profile !== "") rmSync(profile, { recursive: true, force: true });
  });

  it("loads offline with no console error and no network request; every chart renders its marks", async () => {
    const page = await browser!.newPage();
    const url = pathToFileURL(html).href;
    const requests: string[] = [];
    const errors: string[] = [];
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (request.url() === url) void request.continue();
      else {
        requests.push(request.url());
        void request.abort();
      }
    });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warn") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(url, { waitUntil: "load" });

    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const labelled = (svg.getAttribute("aria-labelledby") ?? "").split(" ").every((id) => (document.getElementById(id)?.textContent ?? "") !== "");
        const figure = svg.closest("figure");
        return {
          id: svg.id,
          role: svg.getAttribute("role"),
          labelled,
          width: box.width,
          height: box.height,
          lines: svg.querySelectorAll("polyline.series").length,
          points: svg.querySelectorAll("circle.point").length,
          bars: Array.from(svg.querySelectorAll("rect.bar")).filter((r) => (r as SVGRectElement).getBBox().height > 0).length,
          whiskers: svg.querySelectorAll("line.whisker").length,
          fallbackRows: figure?.querySelectorAll("table.fallback tbody tr").length ?? 0,
        };
      }),
    );
    expect(requests).toStrictEqual([]);
    expect(errors).toStrictEqual([]);
    const byId = new Map(charts.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toStrictEqual([
      "chart-backlog", "chart-csat", "chart-first-response-time", "chart-first-response-time-business", "chart-rates", "chart-resolution-time", "chart-resolution-time-business", "chart-sla",
    ]);
    for (const chart of charts) {
      expect(chart.role, chart.id).toBe("img");
      expect(chart.labelled, chart.id).toBe(true);
      expect(chart.width, chart.id).toBeGreaterThan(200);
      expect(chart.height, chart.id).toBeGreaterThan(80);
      expect(chart.fallbackRows, `${chart.id}: a data table beside the chart`).toBeGreaterThan(0);
    }
    for (const id of ["chart-first-response-time", "chart-resolution-time", "chart-first-response-time-business", "chart-resolution-time-business"]) {
      expect(byId.get(id)).toMatchObject({ lines: 2, points: 2 * expected.weeks, fallbackRows: expected.weeks });
    }
    expect(byId.get("chart-sla")).toMatchObject({ bars: expected.priorities, whiskers: 3 * expected.priorities, fallbackRows: expected.priorities });
    expect(byId.get("chart-rates")).toMatchObject({ bars: 2, whiskers: 6, fallbackRows: 2 });
    expect(byId.get("chart-backlog")).toMatchObject({ bars: expected.backlogBuckets, fallbackRows: expected.backlogBuckets });
    expect(byId.get("chart-csat")).toMatchObject({ bars: expected.csatScores, fallbackRows: expected.csatScores });

    // One h1, a heading for every section, and the provisional flags on the rate tiles.
    expect(await page.$$eval("h1", (h) => h.length)).toBe(1);
    expect(await page.$$eval("main > section", (sections) => sections.every((s) => s.querySelector("h2") !== null && s.getAttribute("aria-labelledby") !== null))).toBe(true);
    expect(await page.$$eval(".tile .flag", (flags) => flags.map((f) => f.textContent))).toStrictEqual(["provisional", "provisional"]);
    // The business-hours tiles (the report was made with --calendar) and the two findings panels.
    expect(await page.$$eval(".tile h3", (h) => h.map((x) => x.textContent).filter((t) => t?.includes("business hours") === true))).toStrictEqual([
      "First response time, business hours (median)",
      "Resolution time, business hours (median)",
    ]);
    expect(await page.$$eval("#top-drivers table tbody tr", (rows) => rows.length)).toBe(expected.drivers);
    expect(await page.$$eval("#what-changed table tbody tr", (rows) => rows.length)).toBe(expected.changes);

    await page.screenshot({ path: `${out}/report.png`, fullPage: true });
    await page.emulateMediaType("print");
    await page.pdf({ path: `${out}/report.pdf`, format: "A4", printBackground: false });
    expect(statSync(`${out}/report.png`).size).toBeGreaterThan(10_000);
    expect(readFileSync(`${out}/report.pdf`).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  }, 120_000);
});
