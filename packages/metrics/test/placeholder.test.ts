import { expect, test } from "vitest";

// @supportops/metrics is a placeholder until its own issue lands: it must build, resolve and export
// nothing, so nobody can depend on an unfinished API by accident.
test("the placeholder entry point resolves and exports nothing yet", async () => {
  const metrics = await import("@supportops/metrics");
  expect(Object.keys(metrics)).toStrictEqual([]);
});
