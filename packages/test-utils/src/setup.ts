import fc from "fast-check";
import { inject } from "vitest";

// Every property in every test file uses the run's seed (printed by globalSetup).
fc.configureGlobal({ seed: inject("fcSeed") });
