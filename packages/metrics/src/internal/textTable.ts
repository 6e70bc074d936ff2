import type { KpiTableRow } from "../toTableRows.js";

/** Code points, not UTF-16 units: "—" and "–" are one column each. */
const width = (text: string): number => [...text].length;

/** Rows as a plain, aligned text table (columns = the union of the rows' keys; numbers right-aligned). */
export function textTable(rows: ReadonlyArray<KpiTableRow>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? "")));
  const widths = columns.map((column, i) => Math.max(width(column), ...cells.map((line) => width(line[i] ?? ""))));
  const numeric = columns.map((column) => rows.length > 0 && rows.every((row) => row[column] === undefined || typeof row[column] === "number"));
  const pad = (text: string, i: number): string => {
    const gap = " ".repeat((widths[i] ?? 0) - width(text));
    return numeric[i] === true ? gap + text : text + gap;
  };
  const line = (values: ReadonlyArray<string>): string => values.map(pad).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n");
}
