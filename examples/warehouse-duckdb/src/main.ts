import { warehouseReport, weeklyTable } from "./weeklyReport.js";

const rows = await warehouseReport();
console.log("Weekly KPIs per category, computed inside DuckDB (ticket-rows.csv, ISO weeks in Europe/Berlin; business = Berlin office hours):");
console.table(weeklyTable(rows));
