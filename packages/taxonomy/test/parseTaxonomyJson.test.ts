import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { TaxonomyError, createTaxonomy, parseTaxonomyJson, safeParseTaxonomyJson } from "@supportops/taxonomy";
import { failure } from "./support/failure.js";
import { SUPPORT } from "./support/fixture.js";
import { nestedDefinitionJson } from "./support/nestedNode.js";

const tax = createTaxonomy(SUPPORT);
const thrown = (fn: () => unknown): TaxonomyError => thrownBy(TaxonomyError, fn);

describe("parseTaxonomyJson", () => {
  it("JSON.stringify(tax) is the normalised definition, and parseTaxonomyJson reads it back", () => {
    const text = JSON.stringify(tax);
    expect(JSON.parse(text)).toStrictEqual(SUPPORT);
    expect(parseTaxonomyJson(text).nodes).toStrictEqual(tax.nodes);
  });

  it("refuses JSON nesting children 700 levels deep with a typed too_deep, also from safeParseTaxonomyJson (no stack overflow)", () => {
    const error = thrown(() => parseTaxonomyJson(nestedDefinitionJson(700)));
    expect([error.code, error.issues.map((i) => i.code)]).toStrictEqual(["invalid_taxonomy", ["too_deep"]]);
    expect(failure(safeParseTaxonomyJson(nestedDefinitionJson(100_000))).issues[0].code).toBe("too_deep");
    expect(failure(safeParseTaxonomyJson(`{"id":"t","version":"1","nodes":${"[".repeat(10_000)}${"]".repeat(10_000)}}`)).issues[0].code).toBe("too_deep");
  });

  it("refuses text that is not JSON (invalid_import) and a bad definition (invalid_taxonomy)", () => {
    const notJson = thrown(() => parseTaxonomyJson("{nodes:"));
    expect([notJson.code, notJson.issues.map((i) => [i.code, i.path])]).toStrictEqual(["invalid_import", [["malformed_json", []]]]);
    expect(thrown(() => parseTaxonomyJson("{}")).code).toBe("invalid_taxonomy");
  });

  it("throws invalid_argument, never a TypeError, for text that is not a string", () => {
    expect(thrown(() => parseTaxonomyJson(SUPPORT as never)).issues).toStrictEqual([
      { code: "invalid_type", path: ["text"], message: "expected JSON text (a string), got an object" },
    ]);
  });

  it("safeParseTaxonomyJson returns what parseTaxonomyJson would throw", () => {
    expect(failure(safeParseTaxonomyJson("{nodes:")).code).toBe("invalid_import");
    expect(failure(safeParseTaxonomyJson("{}")).code).toBe("invalid_taxonomy");
    expect(failure(safeParseTaxonomyJson(undefined)).code).toBe("invalid_argument");
    const ok = safeParseTaxonomyJson('{"id":"s","version":"1","nodes":[{"code":"a","label":"A"}]}');
    expect(ok.success && ok.data.version).toBe("1");
  });

  it("TSDoc example", () => {
    expect(parseTaxonomyJson('{"id":"s","version":"1","nodes":[{"code":"a","label":"A"}]}').version).toBe("1");
  });
});
