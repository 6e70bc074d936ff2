// Cross-package contract: one spelling for one failure, and the docs' list matches the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLI_ERROR_CODES, CliError } from "@supportops/cli";
import { COMMON_ERROR_CODES, CORE_ERROR_CODES, CoreError, SupportOpsError } from "@supportops/core";
import { ESCALATION_ERROR_CODES, EscalationError } from "@supportops/escalation";
import { INTEROP_ERROR_CODES, InteropError } from "@supportops/interop";
import { METRICS_ERROR_CODES, MetricsError } from "@supportops/metrics";
import { SLA_ERROR_CODES, SlaError } from "@supportops/sla";
import { TAXONOMY_ERROR_CODES, TaxonomyError } from "@supportops/taxonomy";

const PACKAGES = [
  { name: "@supportops/core", className: "CoreError", errorClass: CoreError, codes: CORE_ERROR_CODES },
  { name: "@supportops/sla", className: "SlaError", errorClass: SlaError, codes: SLA_ERROR_CODES },
  { name: "@supportops/taxonomy", className: "TaxonomyError", errorClass: TaxonomyError, codes: TAXONOMY_ERROR_CODES },
  { name: "@supportops/escalation", className: "EscalationError", errorClass: EscalationError, codes: ESCALATION_ERROR_CODES },
  { name: "@supportops/metrics", className: "MetricsError", errorClass: MetricsError, codes: METRICS_ERROR_CODES },
  { name: "@supportops/cli", className: "CliError", errorClass: CliError, codes: CLI_ERROR_CODES },
  { name: "@supportops/interop", className: "InteropError", errorClass: InteropError, codes: INTEROP_ERROR_CODES },
] as const;

const common: ReadonlySet<string> = new Set(COMMON_ERROR_CODES);

describe("error codes across packages", () => {
  it("a code that two packages use is a common code", () => {
    for (const a of PACKAGES) {
      for (const b of PACKAGES) {
        if (a === b) continue;
        const shared = a.codes.filter((code: string) => (b.codes as ReadonlyArray<string>).includes(code));
        expect(shared.filter((code) => !common.has(code)), `${a.name} and ${b.name}`).toStrictEqual([]);
      }
    }
  });
  it("a package's own codes are spelled invalid_<kind>, and no list repeats a code", () => {
    for (const { name, codes } of PACKAGES) {
      expect(new Set(codes).size, name).toBe(codes.length);
      expect(codes.filter((code: string) => !common.has(code) && !/^invalid_[a-z]+(_[a-z]+)*$/.test(code)), name).toStrictEqual([]);
    }
  });
  it("each package's class is a SupportOpsError named after itself", () => {
    for (const { className, errorClass, codes } of PACKAGES) {
      const error = new (errorClass as unknown as new (code: string, message: string) => SupportOpsError)(codes[0], "x");
      expect(error).toBeInstanceOf(SupportOpsError);
      expect(error.name).toBe(className);
    }
  });
  it("docs/time-and-errors.md lists exactly the codes each package has", () => {
    const doc = readFileSync(new URL("../docs/time-and-errors.md", import.meta.url), "utf8");
    const table = doc.slice(doc.indexOf("<!-- error-codes:start"), doc.indexOf("<!-- error-codes:end"));
    const rows = new Map(
      table
        .split("\n")
        .filter((line) => line.startsWith("| `@supportops/"))
        .map((line) => {
          const [, pkg = "", cls = "", codes = ""] = line.split("|").map((cell) => cell.trim());
          return [pkg.replaceAll("`", ""), { cls: cls.replaceAll("`", ""), codes: [...codes.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]) }];
        }),
    );
    expect([...rows.keys()].sort()).toStrictEqual(PACKAGES.map((p) => p.name).sort());
    for (const { name, className, codes } of PACKAGES) {
      expect(rows.get(name)?.cls, name).toBe(className);
      expect([...(rows.get(name)?.codes ?? [])].sort(), name).toStrictEqual([...codes].sort());
    }
  });
});
