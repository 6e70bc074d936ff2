// Must NOT compile. scripts/check-consumers.mjs expects exactly the errors marked `expect TSxxxx` below,
// on those lines, and no other: a compile that passes means TimeInput accepts anything (collapsed to
// `any`), and a different error means the packages' types are broken in some other way.
import { toEpochMs } from "@supportops/core";

toEpochMs({}); // expect TS2345
toEpochMs({ toMillis: () => 0 }); // expect TS2345
