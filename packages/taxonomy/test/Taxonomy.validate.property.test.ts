import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { numRuns } from "@supportops/test-utils";
import { ClassificationSchema, createTaxonomy } from "@supportops/taxonomy";
import { SUPPORT } from "./support/fixture.js";

const tax = createTaxonomy({ ...SUPPORT, allowInternal: true, rules: [] });
const codes = tax.nodes.map((n) => n.code);

// Classifications with known and unknown codes, optional parts, and keys the schema strips.
const classificationArb = fc.record(
  {
    code: fc.oneof(fc.constantFrom(...codes), fc.string({ maxLength: 6 })),
    version: fc.oneof(fc.constant("2026.1"), fc.string({ maxLength: 3 })),
    path: fc.oneof(fc.constantFrom(...codes).map((c) => [...tax.path(c)]), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 })),
    closureCode: fc.constantFrom("fixed", "nope"),
    fields: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
    extra: fc.anything(),
  },
  { requiredKeys: ["code"] },
);

describe("tax.validate (random classifications)", () => {
  test.prop([classificationArb], { numRuns: numRuns(300) })(
    "the data is the schema-parsed classification stamped with the version, whichever path validation took",
    (classification) => {
      const result = tax.validate(classification as never, { mode: "update", previous: { code: classification.code } });
      const parsed = ClassificationSchema.safeParse(classification);
      if (!parsed.success) {
        expect(result.success).toBe(false);
        return;
      }
      if (result.success) expect(result.data).toStrictEqual({ ...parsed.data, version: "2026.1" });
      else expect(result.error.issues.length).toBeGreaterThan(0);
      // Valid iff the code and closure code are known, the version matches and the path leads to the code.
      const provider = parsed.data.fields?.["identityProvider"];
      const expectValid =
        tax.has(parsed.data.code) &&
        (parsed.data.version === undefined || parsed.data.version === "2026.1") &&
        (parsed.data.closureCode === undefined || parsed.data.closureCode === "fixed") &&
        (parsed.data.path === undefined || JSON.stringify(parsed.data.path) === JSON.stringify(tax.path(parsed.data.code))) &&
        (parsed.data.code !== "access.sso" || (provider !== undefined && provider !== null && String(provider).trim() !== ""));
      expect(result.success).toBe(expectValid);
    },
  );
});
