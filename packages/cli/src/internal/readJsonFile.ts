import { readFile } from "node:fs/promises";
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { IssuePath } from "@supportops/core";
import { CliError } from "../CliError.js";

/** A JSON file's text and value, with a way to find the line of a JSON path. */
export interface JsonFile {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  /** The 1-based line of the deepest node of `path` the file has (its parent's when the key is missing). */
  lineOf(path: IssuePath): number;
}

/** Reads a file as text; a missing file is a `not_found` CliError. */
async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new CliError("not_found", [{ code: "not_found", path: [file], message: `${file}: no such file` }]);
    throw new CliError("invalid_input_file", [{ code: "invalid_input_file", path: [file], message: `${file}: ${(error as Error).message}` }], { cause: error });
  }
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Reads and parses a JSON file (strict JSON: no comments, no trailing commas), every syntax error with its line and column. */
export async function readJsonFile(file: string): Promise<JsonFile> {
  const text = await readText(file);
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    throw new CliError(
      "invalid_input_file",
      errors.map((e) => {
        const { line, column } = positionOf(text, e.offset);
        return { code: "invalid_input_file" as const, path: [], message: `${file}:${line}:${column}: JSON syntax: ${printParseErrorCode(e.error)}` };
      }) as [{ code: "invalid_input_file"; path: []; message: string }],
    );
  }
  const tree = parseTree(text) as Node;
  return {
    file,
    text,
    value,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth -= 1) {
        const node = findNodeAtLocation(tree, path.slice(0, depth) as Array<string | number>);
        if (node !== undefined) return positionOf(text, node.parent?.type === "property" ? node.parent.offset : node.offset).line;
      }
      return 1;
    },
  };
}
