/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is read as a formula by Excel, LibreOffice and Google Sheets
 * (`=HYPERLINK(…)`, `=cmd|…`). The defence is to prefix such a cell with a single quote, which makes
 * a spreadsheet show it as text. To keep the round trip exact, a cell that already starts with one or
 * more quotes followed by a trigger is prefixed too, and the reader removes one leading quote exactly
 * from cells of that form (one or more quotes, then a trigger) — so `'=x` reads back as `=x`, `''=x`
 * as `'=x`, and `'x` or `'` stay as they are.
 */

/** The cells the writer escapes: optional leading quotes, then a trigger character. Anchored and linear. */
export const FORMULA_CELL = /^'*[=+\-@\t\r]/u;

/** The cells the reader unescapes: at least one leading quote, then a trigger character. */
const ESCAPED_FORMULA_CELL = /^'+[=+\-@\t\r]/u;

/** The cell as the writer meant it: one leading quote removed from a cell written by {@link FORMULA_CELL}'s rule. */
export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA_CELL.test(cell) ? cell.slice(1) : cell;
}
