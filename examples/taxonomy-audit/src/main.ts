import { runAudit } from "./audit.js";

for (const line of runAudit()) console.log(line);
