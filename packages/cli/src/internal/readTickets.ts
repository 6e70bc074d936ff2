import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { createInterface } from "node:readline";
import Papa from "papaparse";
import { SupportOpsError } from "@supportops/core";
import { computeTicketFacts, readTicketRows, type TicketInput, type TicketRow } from "@supportops/metrics";
import { CliError } from "../CliError.js";
import { createProgress } from "./progress.js";

/** One rejected line of an input file: its 1-based line number, where in it, and what is wrong. */
interface InputProblem {
  readonly line: number;
  readonly where: string;
  readonly message: string;
}

/** What a ticket file held: logs (JSONL) or flat rows (CSV), the problems of the rejected lines, and their count. */
export type TicketFile =
  | { readonly kind: "logs"; readonly tickets: ReadonlyArray<TicketInput>; readonly problems: ReadonlyArray<InputProblem>; readonly rejected: number }
  | { readonly kind: "rows"; readonly tickets: ReadonlyArray<TicketRow>; readonly problems: ReadonlyArray<InputProblem>; readonly rejected: number };

/** The latest instant a `Date` holds: a log is checked whole, whatever the report's `asOf`. */
const END_OF_TIME = 8_640_000_000_000_000;
/** Beyond this many, problems are counted but not kept (the count of rejected lines stays exact). */
const KEEP_PROBLEMS = 1_000;

export function ticketFormatOf(file: string): "logs" | "rows" {
  const ext = extname(file).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") return "logs";
  if (ext === ".csv") return "rows";
  throw new CliError("invalid_input_file", [
    { code: "invalid_input_file", path: [file], message: `${file}: unknown ticket file type "${ext}"; give a .jsonl file (one { id, events } per line) or a .csv of ticket rows` },
  ]);
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new CliError("not_found", [{ code: "not_found", path: [file], message: `${file}: no such file` }]);
    throw error;
  }
}

/** Reads a file line by line (streaming), with a progress bar on a terminal. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const total = await sizeOf(file);
  const stream = createReadStream(file, { encoding: "utf8" });
  const progress = createProgress(file, total);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let count = 0;
  try {
    for await (const line of lines) {
      count += 1;
      if (count % 2_000 === 0) progress.update(stream.bytesRead);
      yield line;
    }
  } finally {
    progress.update(total);
    progress.stop();
    lines.close();
    stream.destroy();
  }
}

const describeIssue = (error: SupportOpsError): { where: string; message: string } => {
  const issue = error.issues[0];
  return { where: issue.path.map(String).join("."), message: error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; ") };
};

/** JSONL: one `{ id, events }` per line, each log validated; a bad line is rejected with its number. */
async function readLogs(file: string): Promise<TicketFile> {
  const tickets: TicketInput[] = [];
  const problems: InputProblem[] = [];
  let rejected = 0;
  const reject = (problem: InputProblem): void => {
    rejected += 1;
    if (problems.length < KEEP_PROBLEMS) problems.push(problem);
  };
  let line = 0;
  for await (const text of linesOf(file)) {
    line += 1;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      reject({ line, where: "", message: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const t = value as Partial<TicketInput> | null;
    if (typeof t !== "object" || t === null || Array.isArray(t) || typeof t.id !== "string" || !Array.isArray(t.events)) {
      reject({ line, where: "", message: "expected one ticket per line: { \"id\": \"…\", \"events\": [ … ] }" });
      continue;
    }
    try {
      computeTicketFacts(t as TicketInput, { asOf: END_OF_TIME });
    } catch (error) {
      if (!(error instanceof SupportOpsError)) throw error;
      reject({ line, ...describeIssue(error) });
      continue;
    }
    tickets.push(t as TicketInput);
  }
  return { kind: "logs", tickets, problems, rejected };
}

/** RFC 4180 quotes are doubled inside a field, so an odd count means a line break inside quotes. */
const quotesOpen = (text: string): boolean => (text.match(/"/g)?.length ?? 0) % 2 === 1;

/** CSV with a header line: flat ticket rows, each checked by metrics' readTicketRows; a bad row is rejected with its line number. */
async function readRows(file: string): Promise<TicketFile> {
  const tickets: TicketRow[] = [];
  const problems: InputProblem[] = [];
  let rejected = 0;
  let header: string[] | null = null;
  let line = 0;
  let record = "";
  let recordLine = 0;
  for await (const text of linesOf(file)) {
    line += 1;
    if (record === "") recordLine = line;
    record = record === "" ? text : `${record}\n${text}`;
    if (quotesOpen(record)) continue;
    const raw = record;
    record = "";
    if (raw.trim() === "") continue;
    const cells = (Papa.parse<string[]>(raw, { header: false, delimiter: "," }).data[0] ?? []).map((c) => c.trim());
    if (header === null) {
      header = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, "") : c));
      if (!header.includes("id") || !header.includes("created_at")) {
        throw new CliError("invalid_input_file", [
          { code: "invalid_input_file", path: [file, "line 1"], message: `${file}:1: expected a header line naming the TicketRow columns (id, created_at, created_by, status, …), got ${JSON.stringify(raw.slice(0, 80))}` },
        ]);
      }
      continue;
    }
    const columns = header;
    const { rows, problems: found } = readTicketRows([Object.fromEntries(cells.map((value, i) => [columns[i] ?? `column ${i + 1}`, value]))]);
    if (cells.length !== columns.length) {
      rejected += 1;
      if (problems.length < KEEP_PROBLEMS) problems.push({ line: recordLine, where: "", message: `expected ${columns.length} cells like the header, got ${cells.length}` });
      continue;
    }
    const [row] = rows;
    if (row !== undefined) {
      tickets.push(row);
      continue;
    }
    rejected += 1;
    if (problems.length < KEEP_PROBLEMS) problems.push({ line: recordLine, where: "", message: found.map((p) => `${p.column}: ${p.message}`).join("; ") });
  }
  if (record !== "") {
    rejected += 1;
    problems.push({ line: recordLine, where: "", message: "a quoted field is never closed" });
  }
  if (header === null) {
    throw new CliError("invalid_input_file", [{ code: "invalid_input_file", path: [file], message: `${file}: empty; expected a header line and ticket rows` }]);
  }
  return { kind: "rows", tickets, problems, rejected };
}

/** Reads a ticket file, streaming: JSONL logs or CSV rows by extension. */
export async function readTickets(file: string): Promise<TicketFile> {
  return ticketFormatOf(file) === "logs" ? readLogs(file) : readRows(file);
}
