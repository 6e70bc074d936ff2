import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    fcSeed: number;
    fcRunsMultiplier: number;
  }
}

/**
 * Chooses the one fast-check seed of this run (or takes `FC_SEED`), prints it, and hands it to every
 * test file, so any property failure can be replayed with `FC_SEED=<seed> pnpm test`.
 */
export default function setup(project: TestProject): void {
  const pinned = process.env["FC_SEED"];
  const seed = pinned !== undefined && pinned !== "" ? Number(pinned) : (Math.random() * 2 ** 31) | 0;
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(pinned)}`);
  const multiplierText = process.env["FC_RUNS_MULTIPLIER"];
  const multiplier = multiplierText !== undefined && multiplierText !== "" ? Number(multiplierText) : 1;
  if (!(multiplier > 0)) throw new Error(`FC_RUNS_MULTIPLIER must be a positive number, got ${JSON.stringify(multiplierText)}`);
  console.log(
    `fast-check seed: ${seed} (replay with FC_SEED=${seed})` +
      (multiplier !== 1 ? `; runs ×${multiplier} (FC_RUNS_MULTIPLIER)` : ""),
  );
  project.provide("fcSeed", seed);
  project.provide("fcRunsMultiplier", multiplier);
}
