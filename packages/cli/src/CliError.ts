import { SupportOpsError } from "@supportops/core";

/**
 * The codes a {@link CliError} carries. Match on them, never on message text.
 *
 * - `invalid_input_file`: a file given on the command line cannot be read as what the command expects
 *   (JSON syntax, a JSONL line or CSV row that is no ticket, an unknown extension); each issue says
 *   where (line, column, JSON path).
 * - `invalid_argument` (common): an unusable option value (a period that is not `from..to`, an unknown
 *   `--group-by` attribute, two output formats at once).
 * - `not_found` (common): a file that does not exist.
 *
 * @example
 * CLI_ERROR_CODES.includes("invalid_input_file"); // => true
 */
export const CLI_ERROR_CODES = ["invalid_input_file", "invalid_argument", "not_found"] as const;

/**
 * One of {@link CLI_ERROR_CODES}.
 *
 * @example
 * const code: CliErrorCode = "not_found";
 */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

/**
 * The error the `supportops` command reports for bad files and options; errors of the other packages
 * (an invalid calendar, SLA policy, ticket log) are reported as they are, with their own class.
 *
 * @example
 * const error = new CliError("not_found", [{ code: "not_found", path: ["tickets.jsonl"], message: "no such file" }]);
 * error.code; // => "not_found"
 */
export class CliError extends SupportOpsError<CliErrorCode, CliErrorCode> {
  override readonly name = "CliError";
}
