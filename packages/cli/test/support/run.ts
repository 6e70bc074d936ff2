import { spawnSync } from "node:child_process";
import { packageDir } from "./buildBin.js";

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built bin with node, in the package folder, with colours off (stdout and stderr are pipes). */
export function run(bin: string, args: ReadonlyArray<string>, input?: string): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: packageDir, encoding: "utf8", input, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The sample data's folder, relative to the package folder. */
export const SAMPLE = "../../examples/analyst-report/data";
