import { toDurationMs, toEpochMs } from "@supportops/core";

console.log("supportops demo");
console.log(toEpochMs("2026-03-09T09:00:00-04:00"), toDurationMs("PT4H30M"));
