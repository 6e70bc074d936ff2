import { runReport } from "./report.js";

for (const line of runReport()) console.log(line);
