import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatIssues, safeParseTicketLog, summarizeTicket } from "@supportops/core";

const minutes = (ms: number | null): string => (ms === null ? "—" : `${Math.round(ms / 60_000)} min`);
const iso = (ms: number | null): string => (ms === null ? "—" : new Date(ms).toISOString());

/** Validates and summarises the bundled ticket log, then shows what a broken log gets back. */
export function coreDemo(): string[] {
  const path = fileURLToPath(new URL("../data/ticket-log.json", import.meta.url));
  const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
  const lines: string[] = [];

  const parsed = safeParseTicketLog(raw, { statusMap: { "Waiting on customer": "pending" } });
  if (!parsed.success) throw parsed.error;
  const log = parsed.data;
  const asOf = "2026-03-10T12:00:00Z";
  const s = summarizeTicket(log, { at: asOf });
  lines.push(`A ticket log of ${log.length} events, validated ("Waiting on customer" mapped to the canonical "pending").`);
  lines.push(`Summarised as of ${asOf} (events after that instant are ignored):`);
  lines.push(`  created              ${iso(s.createdAt)} by the ${s.createdBy} via ${s.channel ?? "?"}`);
  lines.push(`  first human reply    ${iso(s.firstAgentReplyAt)}  (the bot's auto-reply and the internal note do not count)`);
  lines.push(`  resolved             ${iso(s.firstResolvedAt)}; reopened ${s.reopenCount} times; status now "${s.status}"`);
  lines.push(`  time per status      new ${minutes(s.msInStatus.new)}, open ${minutes(s.msInStatus.open)}, pending ${minutes(s.msInStatus.pending)}, solved ${minutes(s.msInStatus.solved)}`);
  lines.push(`  priority             ${s.priorityHistory.map((h) => h.to).join(" → ")} (${s.priorityHistory.at(-1)?.reason ?? ""})`);
  lines.push(`  satisfaction         ${s.satisfaction === null ? "—" : `${s.satisfaction.score}/${s.satisfaction.scaleMax}`}`);

  const broken = [...(raw as object[])];
  [broken[4], broken[6]] = [broken[6] as object, broken[4] as object];
  const result = safeParseTicketLog(broken, { statusMap: { "Waiting on customer": "pending" } });
  lines.push("");
  lines.push("The same log with events 4 and 6 swapped is rejected at the first event whose time goes back");
  lines.push("(event 5 now comes after the customer's later message), naming the index and the field:");
  if (!result.success) lines.push(...formatIssues(result.error.issues).split("\n").map((l) => `  ${result.error.code}: ${l}`));
  return lines;
}
