/**
 * Freshdesk's numeric codes and the supportops names the importers give them: ticket priorities
 * (1 Low … 4 Urgent; also the `priority_N` keys of SLA targets), ticket sources (our `channel`), and
 * the default ticket statuses with the canonical status each maps to by default. "Closed" maps to
 * `solved`, not `closed`: a Freshdesk ticket can leave Closed again, and core's `closed` is terminal.
 *
 * @example
 * FRESHDESK_CODES.priorities[4]; // => "urgent"
 * FRESHDESK_CODES.sources[7];    // => "chat"
 * FRESHDESK_CODES.statuses[5];   // => { label: "Closed", status: "solved" }
 */
export const FRESHDESK_CODES = Object.freeze({
  priorities: Object.freeze({ 1: "low", 2: "medium", 3: "high", 4: "urgent" } as Readonly<Record<number, string>>),
  sources: Object.freeze({
    1: "email",
    2: "portal",
    3: "phone",
    7: "chat",
    9: "feedback_widget",
    10: "outbound_email",
  } as Readonly<Record<number, string>>),
  statuses: Object.freeze({
    2: Object.freeze({ label: "Open", status: "open" }),
    3: Object.freeze({ label: "Pending", status: "pending" }),
    4: Object.freeze({ label: "Resolved", status: "solved" }),
    5: Object.freeze({ label: "Closed", status: "solved" }),
  } as Readonly<Record<number, { readonly label: string; readonly status: "open" | "pending" | "solved" }>>),
});
