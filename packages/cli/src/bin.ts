#!/usr/bin/env node
// The `supportops` command. Exit codes: 0 done; 1 the input is invalid (validation problems, a file
// that is no ticket file, every line rejected); 2 a usage error (unknown option, missing file, bad
// option value). See docs/cli.md.
import { main } from "./internal/main.js";

process.exitCode = await main(process.argv);
