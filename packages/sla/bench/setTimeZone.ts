// dayjs-business-time reads business hours in the process's local zone (it has no zone option), so the
// whole benchmark runs with the process zone set to the calendar's zone. Imported first, before any
// date is made.
process.env["TZ"] = "America/New_York";
