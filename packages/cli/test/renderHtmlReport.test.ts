// renderHtmlReport in-process: the optional panels, escaping, and the notes that stand in for a
// section the input cannot feed (the browser test checks the rendered page).
import { describe, expect, it } from "vitest";
import { kpiReport } from "@supportops/metrics";
import { createCalendar } from "@supportops/sla";
import { renderHtmlReport, type HtmlReportInput } from "@supportops/cli";

const period = { from: "2026-03-01", to: "2026-04-01" };
const log = {
  id: "T-1",
  events: [
    { id: "c", at: "2026-03-09T09:00:00Z", type: "created", by: "customer", category: "<script>alert(1)</script>" },
    { id: "r", at: "2026-03-09T10:00:00Z", type: "message", role: "agent", public: true },
    { id: "s", at: "2026-03-09T11:00:00Z", type: "status_changed", to: "solved" },
  ],
};
const base: HtmlReportInput = {
  title: "KPIs <March>",
  source: { file: "rows.csv", kind: "rows", tickets: 1, rejected: 0 },
  report: kpiReport([log], { period, groupBy: ["category"] }),
  overall: kpiReport([log], { period }),
  weekly: kpiReport([log], { period, kpis: ["first_response_time", "resolution_time"], bucket: { unit: "week" } }),
  backlog: null,
  sla: null,
  notes: ["SLA attainment: left out — CSV rows carry no events.", "Backlog aging: left out — logs needed."],
};

describe("renderHtmlReport", () => {
  it("escapes every text from the data and says why a section is empty", () => {
    const html = renderHtmlReport(base);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<title>KPIs &lt;March&gt;</title>");
    expect(html).toContain('<p class="panel-empty">SLA attainment: left out — CSV rows carry no events.</p>');
    expect(html).toContain('<p class="panel-empty">Backlog aging: left out — logs needed.</p>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('id="what-changed"');
    expect(html).not.toContain('id="top-drivers"');
  });
  it("shows the optional what-changed and top-drivers panels when given", () => {
    const html = renderHtmlReport({
      ...base,
      whatChanged: { caption: "Changes against February", columns: ["kpi", "change"], rows: [["first_response_time", "+25 %"]], note: "two-sided test, 5 %" },
      topDrivers: { caption: "Top drivers of resolution time", columns: ["category", "share"], rows: [["billing & <co>", 0.41]] },
    });
    expect(html).toContain('<section id="what-changed" class="optional-panel" aria-labelledby="what-changed-h"><h2 id="what-changed-h">What changed</h2>');
    expect(html).toContain("<td>+25 %</td>");
    expect(html).toContain('<section id="top-drivers" class="optional-panel"');
    expect(html).toContain("<td>billing &amp; &lt;co&gt;</td>");
    expect(html).toContain('<td class="num">0.41</td>');
  });
  it("adds business-hours tiles and trend charts when the reports were made with a calendar", () => {
    expect(renderHtmlReport(base)).not.toContain("business hours (median)");
    expect(renderHtmlReport(base)).not.toContain("chart-first-response-time-business");
    // Open 09:00–17:00 UTC on weekdays: the reply an hour after creation is an hour of business time too.
    const calendar = createCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] } });
    const html = renderHtmlReport({
      ...base,
      overall: kpiReport([log], { period, calendar }),
      weekly: kpiReport([log], { period, calendar, kpis: ["first_response_time", "resolution_time", "first_response_time_business", "resolution_time_business"], bucket: { unit: "week" } }),
    });
    expect(html).toContain('<h3>First response time, business hours (median)</h3><p class="value">1 h</p><p class="n">n = 1</p>');
    expect(html).toContain('<h3>Resolution time, business hours (median)</h3><p class="value">2 h</p>');
    expect(html).toContain('id="chart-first-response-time-business"');
    expect(html).toContain('id="chart-resolution-time-business"');
  });
});
