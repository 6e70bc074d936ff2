import { describe, expect, it } from "vitest";
import { runReport } from "../src/report.js";

describe("interop-zendesk example", () => {
  it("imports the bundled Zendesk export and agrees with Zendesk's metric events", () => {
    const report = runReport();
    expect(report[0]).toBe('Schedule "Support hours" (Eastern Time (US & Canada) = America/New_York): mon, tue, wed, thu, fri, 4 holiday dates');
    expect(report[1]).toBe("Policies: Billing questions (#360000777001), Everything else (#360000777002)");
    expect(report[2]).toBe("Ticket 4321: 13 events from 5 audits; policy in force: 360000777001");
    expect(report).toContain("  first_response #0");
    expect(report).toContain("    zendesk   breached  target 120 min   elapsed 150 min   breach 2026-03-10 14:00 stop 2026-03-10 14:30");
    expect(report).toContain("    ours      breached  target 120 min   elapsed 150 min   breach 2026-03-10 14:00 stop 2026-03-10 14:30");
    expect(report.at(-1)).toBe("Zendesk and supportops agree on all 3 cycles");
  });
});
