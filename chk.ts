import { incidentTimeline } from "./packages/metrics/src/index.js";
import { createCalendar, createSlaEngine } from "./packages/sla/src/index.js";
const timeline = incidentTimeline(
  { id: "T-7", events: [
    { id: "c", at: "2026-03-27T16:00:00Z", type: "created", by: "customer", channel: "email" , priority: "high"},
    { id: "e", at: "2026-03-30T07:00:00Z", type: "escalated", to: "payments-oncall", tier: 2, reason: "see https://evil.example *now* @ops \u001b[31m" },
    { id: "s", at: "2026-03-30T08:00:00Z", type: "status_changed", to: "solved" },
  ] },
  { timeZone: "Europe/Berlin" },
);
console.log(timeline.entries, timeline.statusSpans);
console.log(timeline.markdown); console.log(timeline.text);
