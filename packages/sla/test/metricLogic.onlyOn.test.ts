/**
 * The clock skips a preset's `decide` at an event without one of the preset's `onlyOn` facts; this
 * checks, exhaustively over every fact set, mode and status, that such a call would have returned 0.
 */
import { describe, expect, it } from "vitest";
import type { CanonicalStatus, TicketEvent } from "@supportops/core";
import { presetLogic, type CycleMode } from "../src/internal/engine/metricLogic.js";
import { attributesOf } from "../src/internal/engine/ticketState.js";

const PRESETS = ["first_response", "next_response", "periodic_update", "requester_wait", "agent_work", "resolution"] as const;
const MODES: ReadonlyArray<CycleMode> = ["none", "running", "paused", "stopped"];
const STATUSES: ReadonlyArray<CanonicalStatus> = ["new", "open", "pending", "on_hold", "solved", "closed"];
const ALL_FACTS = 1 << 13;

describe("preset onlyOn masks", () => {
  for (const name of PRESETS) {
    it(`${name}: decide is 0 at every event without an onlyOn fact`, () => {
      const logic = presetLogic(name);
      expect(logic.onlyOn).not.toBe(0);
      const event = { type: "created", at: 0, by: "customer" } as TicketEvent & { type: "created" };
      let checked = 0;
      const wrong: string[] = [];
      for (const createdBy of ["customer", "agent", "system"] as const) {
        for (const status of STATUSES) {
          for (const replies of [0, 2]) {
            const ticket = { ...attributesOf({ ...event, by: createdBy }), status, replies };
            for (let facts = 0; facts < ALL_FACTS; facts++) {
              if ((facts & logic.onlyOn) !== 0) continue;
              for (const mode of MODES) {
                if (logic.decide(event, facts, ticket, mode) !== 0) wrong.push(`facts ${facts}, mode ${mode}, status ${status}, by ${createdBy}, replies ${replies}`);
                checked++;
              }
            }
          }
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    });
  }
});
