/**
 * Real SQL engines for the warehouse tests: DuckDB embedded (always), PostgreSQL when SUPPORTOPS_PG
 * holds a connection string (`.ci/run` starts a throwaway server through scripts/with-postgres.sh).
 * Result rows come back with JS numbers for integers (an unsafe integer fails the test) and `Date`s
 * for instants, so both engines' rows compare with toStrictEqual.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { createRequire } from "node:module";
import type pgTypes from "pg";
import { describe } from "vitest";

/** A connection to one engine. */
export interface SqlEngine {
  readonly dialect: "duckdb" | "postgres";
  /** Runs a script (several statements). */
  run(sql: string): Promise<void>;
  /** Runs one query and returns its rows. */
  query(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

const toSafeNumber = (value: bigint | string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${String(value)} is beyond JS's safe integers`);
  return n;
};

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === "bigint" ? toSafeNumber(value) : value;
  return out;
}

/**
 * A fresh in-memory DuckDB database. The node bindings ship without the ICU extension (and tests
 * cannot download it), so TIMESTAMPTZ values are plain UTC instants here; the generated SQL never
 * depends on the session's time zone.
 */
export async function openDuckDb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return {
    dialect: "duckdb",
    async run(sql) {
      await connection.run(sql);
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => normalise(row as Record<string, unknown>));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The PostgreSQL connection string the tests use, if any. */
export const POSTGRES_URL: string | undefined = process.env["SUPPORTOPS_PG"] === "" ? undefined : process.env["SUPPORTOPS_PG"];

// pg's entry point requires pg-pool, which the vitest config's `import` export condition turns into an
// ES module namespace that cannot be subclassed; the client alone is all these tests need.
const require = createRequire(import.meta.url);
const Client = require("pg/lib/client.js") as typeof pgTypes.Client;
const TypeOverrides = require("pg/lib/type-overrides.js") as new () => pgTypes.CustomTypesConfig & { setTypeParser(oid: number, parse: (text: string) => unknown): void };

/** int8 and numeric as JS numbers (an unsafe integer fails the test); everything else as pg reads it. */
function numberTypes(): pgTypes.CustomTypesConfig {
  const types = new TypeOverrides();
  types.setTypeParser(20, (text) => toSafeNumber(text));
  types.setTypeParser(1700, (text) => Number(text));
  return types;
}

let schemaCounter = 0;

/** A connection to SUPPORTOPS_PG with its own new schema first on the search path (dropped on close). */
export async function openPostgres(timeZone = "UTC"): Promise<SqlEngine> {
  if (POSTGRES_URL === undefined) throw new Error("SUPPORTOPS_PG is not set");
  const client = new Client({ connectionString: POSTGRES_URL, types: numberTypes() });
  await client.connect();
  schemaCounter += 1;
  const schema = `t_${process.pid}_${schemaCounter}_${Date.now() % 1_000_000}`;
  await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}, public; SET TimeZone TO '${timeZone}';`);
  return {
    dialect: "postgres",
    async run(sql) {
      await client.query(sql);
    },
    async query(sql) {
      const result = await client.query(sql);
      return result.rows as Array<Record<string, unknown>>;
    },
    async close() {
      try {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

const HOW_TO_RUN_PG = "PostgreSQL tests skipped: SUPPORTOPS_PG is not set. Run them with `bash scripts/with-postgres.sh pnpm vitest run packages/sla packages/metrics` (starts a throwaway server), or set SUPPORTOPS_PG=postgres://user@host:port/db.";

let warned = false;

/**
 * `describe` for PostgreSQL tests: runs them when SUPPORTOPS_PG is set; otherwise skips them with a
 * message saying how to run them — unless SUPPORTOPS_REQUIRE_PG=1 (CI), where a skip is a failure.
 */
export function describePostgres(name: string, body: () => void): void {
  if (POSTGRES_URL !== undefined) {
    describe(name, body);
    return;
  }
  if (process.env["SUPPORTOPS_REQUIRE_PG"] === "1") {
    throw new Error(`SUPPORTOPS_REQUIRE_PG=1 but SUPPORTOPS_PG is not set: the PostgreSQL tests of "${name}" would be skipped`);
  }
  if (!warned) {
    warned = true;
    console.warn(HOW_TO_RUN_PG);
  }
  describe.skip(`${name} (${HOW_TO_RUN_PG})`, body);
}
